package org.capacityhub.assessment.survey;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SurveyLinkRepository extends JpaRepository<SurveyLink, Long> {

    Optional<SurveyLink> findByTokenHash(String tokenHash);

    /** Spends the link if it is not spent yet: 1 when this call spent it, 0 when it was already spent. */
    @Modifying(flushAutomatically = true)
    @Query("update SurveyLink l set l.spent = true where l.id = :id and l.spent = false")
    int spend(long id);

    @Query("select l.groupId, count(l) from SurveyLink l where l.surveyId = :surveyId group by l.groupId")
    List<Object[]> countByGroup(long surveyId);
}
