package org.capacityhub.matching.ranking;

/**
 * How close a helper's competency is to the one asked for, in the shared taxonomy, with its value for the
 * taxonomy factor of the score (see docs/matching.md).
 */
public enum Proximity {
    /** The same competency (the same CASE identifier, in any version). */
    SAME(1.0),
    /** A competency of another framework crosswalked to it. */
    CROSSWALK(0.9),
    /** One of its sub-competencies (the helper knows a part of it). */
    SUB_COMPETENCY(0.75),
    /** Its parent (the helper knows the wider competency). */
    PARENT(0.6),
    /** Another competency of the same area (the same top-level node). */
    SAME_AREA(0.3);

    private final double value;

    Proximity(double value) {
        this.value = value;
    }

    public double value() {
        return value;
    }
}
