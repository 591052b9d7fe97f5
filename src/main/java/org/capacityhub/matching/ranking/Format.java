package org.capacityhub.matching.ranking;

/** How help is given. */
public enum Format {
    ONLINE, IN_PERSON, BLENDED
}
