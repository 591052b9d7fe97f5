package org.capacityhub.directory.programme;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProgrammeRepository extends JpaRepository<Programme, Long> {

    List<Programme> findAllByOrderByName();

    /** Programmes the organisation is a member of. */
    @Query("select p from Programme p join p.members m where m.id = :organisationId order by p.name")
    List<Programme> findByMember(Long organisationId);

    @Query("select p.id from Programme p join p.coordinators c where c.id = :personId")
    List<Long> findIdsCoordinatedBy(Long personId);

    @Query("select count(p) from Programme p join p.coordinators c where c.id = :personId")
    long countCoordinatedBy(Long personId);

    @Query("select distinct m.id from Programme p join p.members m join p.coordinators c where c.id = :personId")
    List<Long> findMemberIdsOfProgrammesCoordinatedBy(Long personId);

    @Query("select distinct other.id from Programme p join p.members m join p.members other where m.id = :organisationId")
    List<Long> findPartnerIdsOf(Long organisationId);

    /** The ids of a programme's member organisations. */
    @Query("select m.id from Programme p join p.members m where p.id = :programmeId")
    List<Long> findMemberIds(Long programmeId);
}
