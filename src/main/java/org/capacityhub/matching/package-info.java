/**
 * Matching (the capacity exchange): capacity profiles of people and organisations (what they know, offer and want
 * to learn, per competency of any framework), requests for help, helpers and library resources ranked with a
 * documented score and its reasons in words, exchanges with in-app messages and feedback, bookmarks, and cohort
 * pairing rounds solved as a min-cost flow. See docs/matching.md.
 * <p>
 * Its root package is the API other modules use: {@link org.capacityhub.matching.Matching}. It answers the
 * planner's gaps with mentors and peers through {@link org.capacityhub.planning.SuggestionSource} (key
 * {@code matching}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching")
package org.capacityhub.matching;
