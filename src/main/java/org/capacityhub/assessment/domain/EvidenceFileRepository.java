package org.capacityhub.assessment.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceFileRepository extends JpaRepository<EvidenceFile, Long> {

    List<EvidenceFile> findByAssessmentIdOrderByIdAsc(long assessmentId);

    List<EvidenceFile> findByAssessmentIdAndCompetencyIdOrderByIdAsc(long assessmentId, long competencyId);

    long countByAssessmentIdAndCompetencyId(long assessmentId, long competencyId);
}
