package org.capacityhub.directory.person;

/** The broad family of a person's role, used to compare like with like. */
public enum RoleFamily {
    TECHNICAL, ADMINISTRATIVE, POLICY_AND_DECISION_MAKING, MANAGEMENT, OTHER
}
