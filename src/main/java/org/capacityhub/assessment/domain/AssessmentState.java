package org.capacityhub.assessment.domain;

/** Where an organisational assessment stands. Only DRAFT, IN_PROGRESS and REOPENED may be edited. */
public enum AssessmentState {
    DRAFT, IN_PROGRESS, SUBMITTED, VALIDATED, REOPENED;

    public boolean isEditable() {
        return this == DRAFT || this == IN_PROGRESS || this == REOPENED;
    }
}
