package org.capacityhub.assessment.domain;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code assessment_latest_final}: per organisation and framework version, its latest final (submitted or
 * validated) assessment by date (then id). Refreshed, inside the writing transaction, whenever an assessment
 * becomes final or stops being final (submission, reopening); validation keeps an assessment final and dates
 * change only while it is editable. Plain SQL on the transaction's connection, after the pending changes are
 * flushed.
 */
@Component
public class LatestFinalAssessments {

    static final String REFRESH = """
            insert into assessment_latest_final (framework_version_id, organisation_id, assessment_id, held_on)
            select a.framework_version_id, a.organisation_id, a.id, a.held_on
            from assessment a
            where a.organisation_id = ? and a.framework_version_id = ? and a.state in ('SUBMITTED', 'VALIDATED')
            order by a.held_on desc, a.id desc
            fetch first 1 rows only
            """;

    private final JdbcTemplate jdbc;
    private final AssessmentRepository assessments;

    LatestFinalAssessments(DataSource dataSource, AssessmentRepository assessments) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.assessments = assessments;
    }

    /** Recomputes the latest final assessment of an organisation against a framework version. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(long organisationId, long frameworkVersionId) {
        assessments.flush();
        jdbc.update("delete from assessment_latest_final where organisation_id = ? and framework_version_id = ?",
                organisationId, frameworkVersionId);
        jdbc.update(REFRESH, organisationId, frameworkVersionId);
    }
}
