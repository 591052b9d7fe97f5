package org.capacityhub.library.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CuratorRepository extends JpaRepository<Curator, Long> {

    List<Curator> findAllByOrderByAddedAtAsc();
}
