package org.capacityhub.matching.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HelpRequestRepository extends JpaRepository<HelpRequest, Long> {

    List<HelpRequest> findByRequesterIdInOrderByCreatedAtDesc(Collection<Long> requesterIds);
}
