package org.capacityhub.assessment;

/** A target profile an assessment's gaps can be measured against (same framework version). */
public record TargetProfileRef(long id, String name, String organisationType, String positionTitle) {}
