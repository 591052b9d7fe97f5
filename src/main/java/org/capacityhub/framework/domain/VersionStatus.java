package org.capacityhub.framework.domain;

public enum VersionStatus { DRAFT, PUBLISHED }
