package org.capacityhub.planning.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TemplateRunRepository extends JpaRepository<TemplateRun, Long> {

    List<TemplateRun> findByTemplateIdOrderByStartedAtDesc(long templateId);
}
