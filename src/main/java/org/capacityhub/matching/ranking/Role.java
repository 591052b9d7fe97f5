package org.capacityhub.matching.ranking;

/** What a helper offers on a competency. */
public enum Role {
    MENTOR, TRAINER, PEER_HELPER, ON_SITE_ASSISTANCE
}
