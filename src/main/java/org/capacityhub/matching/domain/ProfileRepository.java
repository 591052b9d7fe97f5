package org.capacityhub.matching.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProfileRepository extends JpaRepository<Profile, Long> {

    Optional<Profile> findByOwnerKey(String ownerKey);

    @Query("select distinct p from Profile p join p.entries e where e.wantsRank is not null "
            + "and e.competencyIdentifier = :identifier order by p.id")
    List<Profile> findWanting(String identifier);

    @Query("select distinct p from Profile p join p.entries e where e.offerRoles is not null "
            + "and e.competencyIdentifier = :identifier order by p.id")
    List<Profile> findOffering(String identifier);

    List<Profile> findByIdIn(Collection<Long> ids);
}
