package org.capacityhub.assessment.domain;

/** How sure the facilitator is of the level chosen for a section. */
public enum Confidence { LOW, MEDIUM, HIGH }
