package org.capacityhub.assessment.comparison;

import java.util.Collection;
import java.util.List;

import org.capacityhub.assessment.domain.Assessment;
import org.capacityhub.assessment.domain.AssessmentState;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Levels of final assessments of many organisations at once, for the anonymised peer benchmark. */
public interface PeerLevelRepository extends Repository<Assessment, Long> {

    /** Rows of organisation id, assessment id, held on, competency id, level id (level may be null). */
    @Query("select a.organisationId, a.id, a.heldOn, s.competencyId, s.levelId from Assessment a join a.sections s "
            + "where a.organisationId in :organisations and a.frameworkVersionId = :versionId and a.state in :states")
    List<Object[]> finalLevels(@Param("organisations") Collection<Long> organisations,
            @Param("versionId") long versionId, @Param("states") Collection<AssessmentState> states);
}
