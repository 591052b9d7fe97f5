package org.capacityhub.matching.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GapReportRepository extends JpaRepository<GapReport, Long> {

    Optional<GapReport> findByAssessmentId(long assessmentId);

    List<GapReport> findByOrganisationIdInOrderBySubmittedAtDesc(Collection<Long> organisationIds);
}
