package org.capacityhub.assessment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.DetailsInput;
import org.capacityhub.assessment.domain.Views;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Creating an assessment or changing its details. Participants are rows (the filled ones plus a few empty ones,
 * so the form works without JavaScript); empty rows are dropped.
 */
public class DetailsForm {

    static final int EMPTY_ROWS = 5;

    private Long organisationId;
    private Long frameworkVersionId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate heldOn;
    private Delivery delivery = Delivery.IN_PERSON;
    private String place;
    private String purpose;
    private List<Long> facilitatorIds = new ArrayList<>();
    private List<ParticipantRow> participants = new ArrayList<>();

    public static class ParticipantRow {
        private String fullName;
        private String positionTitle;
        private boolean consentRecorded;

        public ParticipantRow() {}

        ParticipantRow(String fullName, String positionTitle, boolean consentRecorded) {
            this.fullName = fullName;
            this.positionTitle = positionTitle;
            this.consentRecorded = consentRecorded;
        }

        boolean isBlank() {
            return (fullName == null || fullName.isBlank()) && (positionTitle == null || positionTitle.isBlank());
        }

        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = fullName; }
        public String getPositionTitle() { return positionTitle; }
        public void setPositionTitle(String positionTitle) { this.positionTitle = positionTitle; }
        public boolean isConsentRecorded() { return consentRecorded; }
        public void setConsentRecorded(boolean consentRecorded) { this.consentRecorded = consentRecorded; }
    }

    static DetailsForm of(Views.Detail detail) {
        DetailsForm form = new DetailsForm();
        form.heldOn = detail.heldOn();
        form.delivery = detail.delivery();
        form.place = detail.place();
        form.purpose = detail.purpose();
        form.facilitatorIds = new ArrayList<>(detail.facilitators().stream().map(Views.PersonRef::id).toList());
        for (Views.ParticipantView p : detail.participants()) {
            form.participants.add(new ParticipantRow(p.fullName(), p.positionTitle(), p.consentRecorded()));
        }
        return form.withEmptyRows();
    }

    /** Drops empty participant rows, so that error positions match the rows kept. */
    DetailsForm compact() {
        participants = new ArrayList<>(participants.stream().filter(p -> p != null && !p.isBlank()).toList());
        return this;
    }

    DetailsForm withEmptyRows() {
        for (int i = 0; i < EMPTY_ROWS; i++) {
            participants.add(new ParticipantRow());
        }
        return this;
    }

    DetailsInput toInput() {
        return new DetailsInput(heldOn, delivery, place, purpose,
                new LinkedHashSet<>(facilitatorIds.stream().filter(java.util.Objects::nonNull).toList()),
                participants.stream().map(p -> new DetailsInput.ParticipantInput(p.fullName, p.positionTitle,
                        p.consentRecorded)).toList());
    }

    public Long getOrganisationId() { return organisationId; }
    public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
    public Long getFrameworkVersionId() { return frameworkVersionId; }
    public void setFrameworkVersionId(Long frameworkVersionId) { this.frameworkVersionId = frameworkVersionId; }
    public LocalDate getHeldOn() { return heldOn; }
    public void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
    public Delivery getDelivery() { return delivery; }
    public void setDelivery(Delivery delivery) { this.delivery = delivery; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public List<Long> getFacilitatorIds() { return facilitatorIds; }
    public void setFacilitatorIds(List<Long> facilitatorIds) {
        this.facilitatorIds = facilitatorIds == null ? new ArrayList<>() : facilitatorIds;
    }
    public List<ParticipantRow> getParticipants() { return participants; }
    public void setParticipants(List<ParticipantRow> participants) {
        this.participants = participants == null ? new ArrayList<>() : participants;
    }
}
