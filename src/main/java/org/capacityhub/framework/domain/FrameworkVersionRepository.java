package org.capacityhub.framework.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FrameworkVersionRepository extends JpaRepository<FrameworkVersion, Long> {

    @Query("select v from FrameworkVersion v join fetch v.framework where v.framework.identifier = :identifier order by v.number")
    List<FrameworkVersion> findAllOf(UUID identifier);

    @Query("select v from FrameworkVersion v join fetch v.framework order by v.framework.id, v.number")
    List<FrameworkVersion> findAllWithFramework();

    @Query("select coalesce(max(v.number), 0) from FrameworkVersion v where v.framework = :framework")
    int maxNumber(Framework framework);

    Optional<FrameworkVersion> findByFrameworkAndNumber(Framework framework, int number);
}
