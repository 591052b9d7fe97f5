package org.capacityhub.assessment.survey;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SurveyRepository extends JpaRepository<Survey, Long> {

    List<Survey> findByOrganisationIdInOrderByCreatedAtDescIdDesc(Collection<Long> organisationIds);

    List<Survey> findAllByOrderByCreatedAtDescIdDesc();

    List<Survey> findByAssessmentIdOrderByCreatedAtDescIdDesc(long assessmentId);
}
