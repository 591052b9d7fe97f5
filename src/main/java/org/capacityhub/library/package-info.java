/**
 * Knowledge library: resources (guidelines, toolkits, good practices, blog posts...) tagged with competencies, with
 * their review cycle, files and text extraction, full-text search (Hibernate Search) and suggestions for gaps.
 * <p>
 * Its root package is the API: {@link org.capacityhub.library.LibrarySuggestions} is the library's
 * {@link org.capacityhub.planning.SuggestionSource} (key {@code library}); {@link org.capacityhub.library.Library}
 * answers "resources for this gap" from an assessment's gaps; {@link org.capacityhub.library.LibrarySettings}
 * holds its settings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Library")
package org.capacityhub.library;
