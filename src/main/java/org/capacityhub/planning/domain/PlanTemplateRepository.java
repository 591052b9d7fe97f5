package org.capacityhub.planning.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanTemplateRepository extends JpaRepository<PlanTemplate, Long> {

    List<PlanTemplate> findAllByOrderByNameAscIdAsc();
}
