package org.capacityhub.assessment.individual;

/** A self-assessment is a draft until its person submits it; a submitted one never changes. */
public enum SelfAssessmentState { DRAFT, SUBMITTED }
