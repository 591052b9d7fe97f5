package org.capacityhub.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Someone taking part in the focus group, and whether they consented to be recorded. */
@Embeddable
public class Participant {

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "position_title")
    private String positionTitle;

    @Column(name = "consent_recorded", nullable = false)
    private boolean consentRecorded;

    protected Participant() {}

    public Participant(String fullName, String positionTitle, boolean consentRecorded) {
        this.fullName = fullName;
        this.positionTitle = positionTitle;
        this.consentRecorded = consentRecorded;
    }

    public String getFullName() { return fullName; }
    public String getPositionTitle() { return positionTitle; }
    public boolean isConsentRecorded() { return consentRecorded; }
}
