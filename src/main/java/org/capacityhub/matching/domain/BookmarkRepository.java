package org.capacityhub.matching.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BookmarkRepository extends JpaRepository<Bookmark, Long> {

    Optional<Bookmark> findByPersonIdAndProfileId(long personId, long profileId);

    @Query("select b from Bookmark b join fetch b.profile where b.personId = :personId "
            + "order by b.createdAt desc, b.id desc")
    List<Bookmark> findByPersonIdWithProfile(long personId);
}
