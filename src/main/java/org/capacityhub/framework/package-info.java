/**
 * Frameworks: competency frameworks (the shared taxonomy), their versions, proficiency levels and benchmark
 * descriptors, crosswalks between frameworks, CASE and CSV import/export and the CASE read API.
 * <p>
 * Other modules use its root package: {@link org.capacityhub.framework.Frameworks} to look up competencies (by
 * id or CASE identifier), their descendants, their crosswalked (related) competencies and the scale levels of a
 * framework version. A competency id always names one competency in one exact framework version.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Frameworks")
package org.capacityhub.framework;
