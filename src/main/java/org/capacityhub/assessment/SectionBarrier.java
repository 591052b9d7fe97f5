package org.capacityhub.assessment;

/**
 * A barrier that training alone will not remove, recorded on one section (competency) of an assessment.
 *
 * @param competencyId the section's competency
 * @param kind         one of CULTURAL_ORGANISATIONAL, DATA_INFRASTRUCTURE, HUMAN_RESOURCES, MANDATE, BUDGET,
 *                     EQUIPMENT, OTHER
 * @param description  what was observed (may be null)
 */
public record SectionBarrier(long competencyId, String kind, String description) {}
