package org.capacityhub.library.domain;

import java.math.BigDecimal;
import java.util.Set;

/** What a user types to describe a resource (from the form or the API), checked by {@code LibraryService}. */
public record ResourceInput(ResourceKind kind, String title, String summary, String coverText, String language,
        Set<String> otherLanguages, String countryCode, String region, Delivery delivery, Integer durationHours,
        BigDecimal costAmount, String costCurrency, String licence, String linkUrl, Visibility visibility,
        Integer levelRank, Set<Integer> sdgs, Set<Long> competencyIds, Long translationOfId, Long seriesId,
        String useContext, String useChallenge, String useApproach, String useResults, String useLessons,
        String useContacts) {

    public ResourceInput {
        otherLanguages = otherLanguages == null ? Set.of() : Set.copyOf(otherLanguages);
        sdgs = sdgs == null ? Set.of() : Set.copyOf(sdgs);
        competencyIds = competencyIds == null ? Set.of() : Set.copyOf(competencyIds);
    }
}
