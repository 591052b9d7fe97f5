package org.capacityhub.planning.domain;

import java.util.List;

/** Non-learning interventions, for barriers and structural gaps that training alone will not remove. */
public enum Intervention {
    CHANGE_MANAGEMENT, PROCESS_SIMPLIFICATION, POLICY, EQUIPMENT, STAFFING;

    /**
     * The interventions that answer a kind of barrier recorded on an assessment (the assessment module's barrier
     * kinds); an unknown kind gets change management, which every barrier needs.
     */
    public static List<Intervention> forBarrier(String barrierKind) {
        if (barrierKind == null) {
            return List.of(CHANGE_MANAGEMENT);
        }
        return switch (barrierKind) {
            case "CULTURAL_ORGANISATIONAL" -> List.of(CHANGE_MANAGEMENT, PROCESS_SIMPLIFICATION);
            case "DATA_INFRASTRUCTURE", "EQUIPMENT" -> List.of(EQUIPMENT);
            case "HUMAN_RESOURCES" -> List.of(STAFFING);
            case "MANDATE", "BUDGET" -> List.of(POLICY);
            default -> List.of(CHANGE_MANAGEMENT);
        };
    }

    /** Who usually owns the intervention, as a message key (the planner changes it). */
    public String defaultOwnerKey() {
        return "planning.intervention.owner." + name();
    }
}
