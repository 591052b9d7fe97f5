package org.capacityhub.framework.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssociationRepository extends JpaRepository<Association, Long> {

    @Query("select a from Association a join fetch a.version v where (a.origin = :identifier or a.destination = :identifier)")
    List<Association> findTouching(UUID identifier);
}
