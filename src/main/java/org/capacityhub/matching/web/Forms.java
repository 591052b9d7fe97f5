package org.capacityhub.matching.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.capacityhub.matching.ranking.CandidateQuery;
import org.capacityhub.platform.UserFacingException;
import org.springframework.validation.BindingResult;

/** Form helpers: domain refusals beside the field at fault, lists typed as text. */
final class Forms {

    private Forms() {}

    static void bind(UserFacingException e, BindingResult result, Set<String> fields) {
        e.rejectIn(result, e.field() != null && fields.contains(e.field()) ? e.field() : null);
    }

    static List<String> languages(String text) {
        return new ArrayList<>(CandidateQuery.split(text == null ? "" : text.replace(' ', ',')));
    }
}
