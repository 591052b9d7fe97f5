package org.capacityhub.library.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewRepository extends JpaRepository<Review, Long> {

    List<Review> findByResourceIdOrderByCreatedAtDesc(long resourceId);

    Optional<Review> findByResourceIdAndPersonId(long resourceId, long personId);
}
