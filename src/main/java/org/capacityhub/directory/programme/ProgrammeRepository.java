package org.capacityhub.directory.programme;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProgrammeRepository extends JpaRepository<Programme, Long> {

    List<Programme> findAllByOrderByName();

    @Query("select p.id from Programme p join p.coordinators c where c.id = :personId")
    List<Long> findIdsCoordinatedBy(Long personId);

    @Query("select distinct m.id from Programme p join p.members m join p.coordinators c where c.id = :personId")
    List<Long> findMemberIdsOfProgrammesCoordinatedBy(Long personId);
}
