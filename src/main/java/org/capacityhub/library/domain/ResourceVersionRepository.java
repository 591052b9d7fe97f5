package org.capacityhub.library.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ResourceVersionRepository extends JpaRepository<ResourceVersion, Long> {

    List<ResourceVersion> findByResourceIdOrderByNumberDesc(long resourceId);

    Optional<ResourceVersion> findByFileStorage(String storage);

    Optional<ResourceVersion> findByResourceIdAndNumber(long resourceId, int number);
}
