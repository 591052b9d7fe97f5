package org.capacityhub.framework.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FrameworkRepository extends JpaRepository<Framework, Long> {

    Optional<Framework> findByIdentifier(UUID identifier);
}
