package org.capacityhub.assessment.domain;

/**
 * Kinds of barriers that training alone will not remove: UNESCO's cultural and organisational, data and
 * infrastructure and human-resource barriers, and a missing mandate, budget or equipment.
 */
public enum BarrierKind {
    CULTURAL_ORGANISATIONAL, DATA_INFRASTRUCTURE, HUMAN_RESOURCES, MANDATE, BUDGET, EQUIPMENT, OTHER
}
