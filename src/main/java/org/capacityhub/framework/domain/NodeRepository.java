package org.capacityhub.framework.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NodeRepository extends JpaRepository<Node, Long> {

    @Query("select n from Node n join fetch n.version v join fetch v.framework where n.identifier in :identifiers")
    List<Node> findAllByIdentifierIn(Collection<UUID> identifiers);

    @Query("select count(n) from Node n")
    long countAll();
}
