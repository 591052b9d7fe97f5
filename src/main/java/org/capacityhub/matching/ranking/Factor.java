package org.capacityhub.matching.ranking;

/** The factors of the match score, each worth 0 to 1 (see docs/matching.md). */
public enum Factor {
    TAXONOMY, LEVEL, LANGUAGE, REGION, TIME_ZONE, FORMAT, AVAILABILITY, FEEDBACK
}
