package org.capacityhub.planning;

import java.util.List;

/**
 * A capability that suggests activities for a gap: a Spring bean in the capability's own module, called by the
 * planner. Implementations return only what the current user may see, at most {@link SuggestionRequest#limit()}
 * items, best first, and only items that fit ({@link SuggestionRequest#fits(Suggestion)}); the planner checks the
 * fit again and drops anything that does not.
 */
public interface SuggestionSource {

    /** A short stable key naming the source, e.g. {@code library} or {@code matching}. */
    String key();

    /** Activities that answer the gap described by the request; empty when nothing fits (never filler). */
    List<Suggestion> suggest(SuggestionRequest request);
}
