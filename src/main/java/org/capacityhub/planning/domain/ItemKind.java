package org.capacityhub.planning.domain;

/**
 * What an activity of a plan is: one of the suggestion kinds of {@link org.capacityhub.planning.SuggestionKind},
 * a custom activity the planner added, or a non-learning intervention for a barrier or a structural gap.
 */
public enum ItemKind {
    RESOURCE, COURSE, EVENT, COMMUNITY, MENTOR, PEER, CUSTOM, INTERVENTION;

    public static ItemKind of(org.capacityhub.planning.SuggestionKind kind) {
        return valueOf(kind.name());
    }

    public boolean learning() {
        return this != INTERVENTION;
    }
}
