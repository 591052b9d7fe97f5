/**
 * Planning: customised capacity-building plans made from assessment gaps.
 * <p>
 * Its root package is the API other modules use. Capabilities that can answer a gap (the library's resources,
 * matching's mentors and peers, later events, communities and programmes) implement {@link
 * org.capacityhub.planning.SuggestionSource} as a Spring bean; the planner calls every source through that one
 * interface, so adding a source never touches the planner. A source publishes {@link
 * org.capacityhub.planning.SuggestionsChanged} when it has something new, so that plans with uncovered gaps get it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning")
package org.capacityhub.planning;
