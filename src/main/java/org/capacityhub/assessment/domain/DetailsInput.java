package org.capacityhub.assessment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** When, where, why and with whom a focus group meets. */
public record DetailsInput(LocalDate heldOn, Delivery delivery, String place, String purpose,
        Set<Long> facilitatorIds, List<ParticipantInput> participants) {

    public DetailsInput {
        facilitatorIds = facilitatorIds == null ? Set.of() : facilitatorIds;
        participants = participants == null ? List.of() : participants;
    }

    public record ParticipantInput(String fullName, String positionTitle, boolean consentRecorded) {}
}
