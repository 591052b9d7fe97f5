package org.capacityhub.planning.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PlanRepository extends JpaRepository<Plan, Long> {

    List<Plan> findAllByOrderByUpdatedAtDesc();

    List<Plan> findByOrganisationIdInOrderByUpdatedAtDesc(Collection<Long> organisationIds);

    List<Plan> findByOrganisationIdAndStateIn(long organisationId, Collection<PlanState> states);

    List<Plan> findByTemplateId(long templateId);

    List<Plan> findByPersonIdOrderByUpdatedAtDesc(long personId);

    List<Plan> findByReviewerPersonIdAndSharedTrueOrderByUpdatedAtDesc(long reviewerPersonId);

    List<Plan> findByPersonIdAndStateIn(long personId, Collection<PlanState> states);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Plan p where p.id = :id")
    Optional<Plan> findForUpdate(long id);

    /** Plans not completed that have an uncovered gap. */
    @Query("select distinct g.plan from PlanGap g where g.covered = false and g.plan.state <> org.capacityhub.planning.domain.PlanState.COMPLETED")
    List<Plan> findOpenWithUncoveredGaps();

    @Query("select g from PlanGap g join fetch g.plan p where g.covered = false and p.state <> org.capacityhub.planning.domain.PlanState.COMPLETED "
            + "and p.organisationId in :organisationIds")
    List<PlanGap> findUncoveredGaps(Collection<Long> organisationIds);

    @Query("select i from PlanItem i join fetch i.plan p where p.state in (org.capacityhub.planning.domain.PlanState.AGREED, "
            + "org.capacityhub.planning.domain.PlanState.IN_PROGRESS) "
            + "and i.status in ("
            + "org.capacityhub.planning.domain.ItemStatus.PLANNED, org.capacityhub.planning.domain.ItemStatus.IN_PROGRESS) and i.dueOn is not null and i.dueOn <= :until "
            + "and i.ownerPersonId is not null and (i.remindedOn is null or i.remindedOn <= :remindedBefore)")
    List<PlanItem> findItemsToRemind(java.time.LocalDate until, java.time.LocalDate remindedBefore);
}
