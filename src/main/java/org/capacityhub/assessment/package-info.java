/**
 * Assessments: organisational focus-group assessments of one organisation against one exact published framework
 * version (the protocol of the GovStack skills-assessment script), with levels, notes, evidence, confidence and
 * observed barriers per section, a validation workflow and a report.
 * <p>
 * Its root package is the API other modules use: {@link org.capacityhub.assessment.Assessments} to read results
 * (access-checked) and the {@link org.capacityhub.assessment.AssessmentSubmitted} event, published when an
 * assessment is submitted, with the level reached per competency.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessments")
package org.capacityhub.assessment;
