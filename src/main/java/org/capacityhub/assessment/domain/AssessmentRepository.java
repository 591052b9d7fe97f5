package org.capacityhub.assessment.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    /** The assessment, locked for the rest of the transaction: writes to one assessment happen one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Assessment a where a.id = :id")
    Optional<Assessment> findForUpdate(@Param("id") long id);

    @Query("select distinct a from Assessment a left join a.facilitatorIds f "
            + "where a.organisationId in :organisations or f = :personId order by a.heldOn desc, a.id desc")
    List<Assessment> findVisible(@Param("organisations") Collection<Long> organisations,
            @Param("personId") long personId);

    @Query("select a from Assessment a order by a.heldOn desc, a.id desc")
    List<Assessment> findAllNewestFirst();

    List<Assessment> findByOrganisationIdOrderByHeldOnDescIdDesc(long organisationId);
}
