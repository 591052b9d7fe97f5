package org.capacityhub.planning.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlanOutcomeRepository extends JpaRepository<PlanOutcome, Long> {

    /** In how many plans (one per organisation and assessment) of this kind of organisation the activity closed the gap. */
    @Query("select count(distinct o.planId) from PlanOutcome o where o.closed = true and o.source = :source "
            + "and o.reference = :reference and o.competencyId = :competencyId "
            + "and (o.organisationType = :organisationType or :organisationType is null)")
    long countClosed(String source, String reference, long competencyId, String organisationType);

    boolean existsByPlanIdAndSourceAndReferenceAndCompetencyId(long planId, String source, String reference,
            long competencyId);
}
