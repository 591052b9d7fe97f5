package org.capacityhub.assessment.campaign;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRepository extends JpaRepository<Campaign, Long> {

    List<Campaign> findAllByOrderByLaunchedAtDescIdDesc();

    List<Campaign> findByLaunchedByPersonIdOrderByLaunchedAtDescIdDesc(long personId);

    List<Campaign> findByDeadlineGreaterThanEqual(LocalDate today);
}
