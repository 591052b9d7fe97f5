package org.capacityhub.assessment.domain;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The heat map's one aggregate query: for each of the given organisations, its latest final (submitted or
 * validated) assessment against one framework version ({@code assessment_latest_final}, kept by
 * {@link LatestFinalAssessments}), and the level of each of its sections. One statement whatever the number of
 * organisations (no query per organisation), reading only the rows shown. Plain SQL that runs on H2 and
 * PostgreSQL; the benchmark in {@code bench/} measures exactly {@link #SQL}.
 */
@Component
public class HeatMapQuery {

    /**
     * Parameter: {@code version} (framework version id). Every organisation's latest final assessment of the
     * version (at most one per organisation, so bounded by the number of organisations); the caller keeps the
     * programme's members. Filtering in SQL with an IN list of a thousand members cost more than reading the
     * other organisations' rows (H2 parses and plans the list on every call).
     */
    public static final String SQL = """
            select l.organisation_id, l.assessment_id, l.held_on, s.competency_id, s.level_id
            from assessment_latest_final l
            join assessment_section s on s.assessment_id = l.assessment_id
            where l.framework_version_id = :version
            """;

    /** One section's level in an organisation's latest final assessment ({@code levelId} null if unrated). */
    public record Cell(long organisationId, long assessmentId, java.time.LocalDate heldOn, long competencyId,
            Long levelId) {}

    private final NamedParameterJdbcTemplate jdbc;

    public HeatMapQuery(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    public List<Cell> cells(long frameworkVersionId, Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> wanted = new java.util.HashSet<>(organisationIds);
        List<Cell> cells = new ArrayList<>();
        jdbc.query(SQL, new MapSqlParameterSource("version", frameworkVersionId), rs -> {
            long organisation = rs.getLong(1);
            if (!wanted.contains(organisation)) {
                return;
            }
            Date held = rs.getDate(3);
            long level = rs.getLong(5);
            cells.add(new Cell(organisation, rs.getLong(2), held == null ? null : held.toLocalDate(), rs.getLong(4),
                    rs.wasNull() ? null : level));
        });
        return cells;
    }
}
