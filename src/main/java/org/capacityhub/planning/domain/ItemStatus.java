package org.capacityhub.planning.domain;

/** Where an activity stands. */
public enum ItemStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }
}
