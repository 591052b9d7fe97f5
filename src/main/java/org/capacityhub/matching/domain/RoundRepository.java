package org.capacityhub.matching.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RoundRepository extends JpaRepository<Round, Long> {

    List<Round> findByCreatedByPersonIdOrderByCreatedAtDesc(long personId);

    List<Round> findAllByOrderByCreatedAtDesc();
}
