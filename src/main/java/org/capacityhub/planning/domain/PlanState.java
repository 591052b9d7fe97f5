package org.capacityhub.planning.domain;

/** The life of a plan: drafted, reviewed, agreed by the focal point, carried out, completed; reopened for changes. */
public enum PlanState {
    DRAFT, IN_REVIEW, AGREED, IN_PROGRESS, COMPLETED;

    /** Whether the plan's content (gaps, activities, owners, dates) may change: only before it is agreed. */
    public boolean editable() {
        return this == DRAFT || this == IN_REVIEW;
    }

    /** Whether activities' status and progress may be reported: once agreed, until completed. */
    public boolean running() {
        return this == AGREED || this == IN_PROGRESS;
    }
}
