package org.capacityhub.assessment.individual;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SelfAssessmentRepository extends JpaRepository<SelfAssessment, Long> {

    List<SelfAssessment> findByPersonIdOrderByCreatedAtDescIdDesc(long personId);

    List<SelfAssessment> findByRaterPersonIdAndStateOrderBySubmittedAtDescIdDesc(long raterPersonId,
            SelfAssessmentState state);

    List<SelfAssessment> findByPersonIdAndStateOrderBySubmittedAtDescIdDesc(long personId,
            SelfAssessmentState state);

    List<SelfAssessment> findByPersonIdInAndFrameworkVersionIdAndStateOrderBySubmittedAtDescIdDesc(
            Collection<Long> personIds, long frameworkVersionId, SelfAssessmentState state);

    List<SelfAssessment> findByPersonIdInAndStateOrderBySubmittedAtDescIdDesc(Collection<Long> personIds,
            SelfAssessmentState state);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from SelfAssessment s where s.id = :id")
    Optional<SelfAssessment> findForUpdate(long id);
}
