package org.capacityhub.assessment.domain;

import java.util.List;

/** What a facilitator records for one section. */
public record AnswerInput(Long levelId, String notes, List<String> evidence, Confidence confidence,
        List<BarrierInput> barriers) {

    public AnswerInput {
        evidence = evidence == null ? List.of() : evidence;
        barriers = barriers == null ? List.of() : barriers;
    }

    public record BarrierInput(BarrierKind kind, String description) {}
}
