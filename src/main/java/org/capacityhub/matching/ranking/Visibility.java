package org.capacityhub.matching.ranking;

/** Who may find a profile in listings, rankings and the API (its owner and administrators always may). */
public enum Visibility {
    /** Everyone signed in. */
    PUBLIC,
    /**
     * People of organisations that share a programme with the owner's organisation, and those who may see that
     * organisation's non-public data.
     */
    PROGRAMME,
    /** Only those who coordinate the owner's organisation (its focal points and its programmes' coordinators). */
    COORDINATORS
}
