package org.capacityhub.library.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutdatedReportRepository extends JpaRepository<OutdatedReport, Long> {

    List<OutdatedReport> findByResourceIdAndResolvedFalseOrderByCreatedAtDesc(long resourceId);
}
