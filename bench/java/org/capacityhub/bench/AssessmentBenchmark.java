package org.capacityhub.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.capacityhub.assessment.domain.HeatMapQuery;
import org.flywaydb.core.Flyway;

/**
 * The assessment benchmark: generates a programme of organisations, people and focus-group assessments (section
 * answers = ratings) with bulk JDBC inserts into a database migrated by the application's own Flyway scripts, then
 * times the programme heat map query ({@link HeatMapQuery#SQL}, exactly what the application runs) and one
 * organisation's report query, each beside its floor: a plain GROUP BY over the same ratings in the same database.
 * See docs/benchmarks.md.
 */
public final class AssessmentBenchmark {

    /** How much to generate. The full run: 1,000 organisations, 20,000 people, 125 assessments × 8 sections each. */
    public record Scale(int organisations, int peoplePerOrganisation, int assessmentsPerOrganisation, int sections,
            int warmup, int runs) {

        public static final Scale FULL = new Scale(1_000, 20, 125, 8, 2, 20);
        public static final Scale SMOKE = new Scale(20, 3, 5, 8, 1, 3);

        public long ratings() {
            return (long) organisations * assessmentsPerOrganisation * sections;
        }
    }

    /** Timings of one query, in milliseconds. */
    public record Timing(String name, double p50, double p95, int rows) {}

    /** One measured query beside its floor. */
    public record Result(String database, String query, Timing measured, Timing floor) {

        public double ratio() {
            return measured.p50() / floor.p50();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %d | %.1f | %.1f | %d | %.2f |", database,
                    query, measured.p50(), measured.p95(), measured.rows(), floor.p50(), floor.p95(), floor.rows(),
                    ratio());
        }
    }

    public static final long VERSION = 1_000_001L;
    static final long FIRST_COMPETENCY = 2_000_001L;
    static final long FIRST_LEVEL = 3_000_001L;
    static final int LEVELS = 3;
    static final long PROGRAMME = 1L;

    /** The report's ratings: the organisation's latest final assessment, its sections with evidence and barriers. */
    public static final String REPORT_SQL = """
            select s.competency_id, s.sort_order, s.level_id, s.notes, s.confidence,
                   (select count(*) from assessment_evidence e where e.section_id = s.id) as evidence,
                   (select count(*) from assessment_barrier b where b.section_id = s.id) as barriers
            from assessment_latest_final l
            join assessment_section s on s.assessment_id = l.assessment_id
            where l.framework_version_id = ? and l.organisation_id = ?
            order by s.sort_order
            """;

    /** Floor of the heat map: a plain GROUP BY over all the programme's ratings for the version. */
    static final String HEAT_MAP_FLOOR = "select a.organisation_id, s.competency_id, count(*), max(s.level_id) "
            + "from assessment a join assessment_section s on s.assessment_id = a.id "
            + "where a.framework_version_id = ? group by a.organisation_id, s.competency_id";

    /** Floor of the report: a plain GROUP BY over all the organisation's ratings for the version. */
    static final String REPORT_FLOOR = "select s.competency_id, count(*), max(s.level_id) from assessment a "
            + "join assessment_section s on s.assessment_id = a.id "
            + "where a.framework_version_id = ? and a.organisation_id = ? group by s.competency_id";

    private AssessmentBenchmark() {}

    /** Migrates, generates and measures; returns the two results (heat map, report). */
    public static List<Result> run(String database, DataSource dataSource, Scale scale) throws SQLException {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        long started = System.nanoTime();
        generate(dataSource, scale);
        System.out.printf(Locale.ROOT, "[%s] generated %,d organisations, %,d people, %,d assessments, %,d ratings"
                + " in %.1f s%n", database, scale.organisations(), scale.organisations() * scale.peoplePerOrganisation(),
                scale.organisations() * scale.assessmentsPerOrganisation(), scale.ratings(),
                (System.nanoTime() - started) / 1e9);
        try (Connection c = dataSource.getConnection()) {
            analyse(c, database);
            List<Long> members = new ArrayList<>();
            for (long o = 1; o <= scale.organisations(); o++) {
                members.add(o);
            }
            // every organisation is a member of the programme: the application keeps all the rows read
            String heatSql = HeatMapQuery.SQL.replace(":version", "?");
            Object[] heatParameters = {VERSION};
            Result heat = new Result(database, "programme heat map",
                    time(c, "heat map", heatSql, heatParameters, scale),
                    time(c, "heat map floor", HEAT_MAP_FLOOR, heatParameters, scale));
            long organisation = scale.organisations() / 2 + 1;
            Result report = new Result(database, "organisation report",
                    time(c, "report", REPORT_SQL, new Object[] {VERSION, organisation}, scale),
                    time(c, "report floor", REPORT_FLOOR, new Object[] {VERSION, organisation}, scale));
            return List.of(heat, report);
        }
    }

    private static void analyse(Connection c, String database) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.execute("analyze");
        }
    }

    static String placeholders(int n) {
        StringJoiner joiner = new StringJoiner(",");
        for (int i = 0; i < n; i++) {
            joiner.add("?");
        }
        return joiner.toString();
    }

    private static Object[] concat(Object first, List<Long> rest) {
        Object[] all = new Object[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }

    /** Runs the query {@code warmup} times, then {@code runs} times timed, reading every row. */
    static Timing time(Connection c, String name, String sql, Object[] parameters, Scale scale) throws SQLException {
        int rows = 0;
        double[] times = new double[scale.runs()];
        for (int i = 0; i < scale.warmup() + scale.runs(); i++) {
            long start = System.nanoTime();
            rows = 0;
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int p = 0; p < parameters.length; p++) {
                    statement.setObject(p + 1, parameters[p]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int col = 1; col <= columns; col++) {
                            rs.getObject(col);
                        }
                        rows++;
                    }
                }
            }
            if (i >= scale.warmup()) {
                times[i - scale.warmup()] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(times);
        return new Timing(name, percentile(times, 0.50), percentile(times, 0.95), rows);
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---------------------------------------------------------------- generation

    /**
     * Organisations 1..n (ministries and agencies in 10 countries), people (each organisation's staff), one
     * programme with every organisation as a member, and per organisation {@code assessmentsPerOrganisation}
     * GovStack-shaped assessments (8 sections each) spread over ten years: most submitted or validated, one in
     * ten still in progress (some sections unrated), each with a facilitator from its organisation, notes, an
     * evidence link on some sections and a barrier on some.
     */
    static void generate(DataSource dataSource, Scale scale) throws SQLException {
        Random random = new Random(42);
        String[] countries = {"KE", "SN", "RW", "GH", "NG", "UG", "TZ", "ET", "ZM", "BJ"};
        String[] types = {"MINISTRY", "AGENCY", "DEPARTMENT"};
        String[] states = {"SUBMITTED", "VALIDATED"};
        Timestamp now = Timestamp.from(Instant.parse("2026-11-01T09:00:00Z"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement org = c.prepareStatement("insert into organisation (id, name, type, country_code, "
                    + "created_at, demo, version) values (?, ?, ?, ?, ?, false, 0)")) {
                for (int o = 1; o <= scale.organisations(); o++) {
                    org.setLong(1, o);
                    org.setString(2, "Bench organisation " + o);
                    org.setString(3, types[o % types.length]);
                    org.setString(4, countries[o % countries.length]);
                    org.setTimestamp(5, now);
                    org.addBatch();
                }
                org.executeBatch();
            }
            try (PreparedStatement person = c.prepareStatement("insert into person (id, full_name, email, "
                    + "organisation_id, created_at, gender_consent, demo, version) values (?, ?, ?, ?, ?, false, "
                    + "false, 0)")) {
                long id = 1;
                for (int o = 1; o <= scale.organisations(); o++) {
                    for (int p = 0; p < scale.peoplePerOrganisation(); p++, id++) {
                        person.setLong(1, id);
                        person.setString(2, "Bench person " + id);
                        person.setString(3, "bench" + id + "@example.org");
                        person.setLong(4, o);
                        person.setTimestamp(5, now);
                        person.addBatch();
                    }
                    if (o % 100 == 0) {
                        person.executeBatch();
                    }
                }
                person.executeBatch();
            }
            try (PreparedStatement programme = c.prepareStatement("insert into programme (id, name, created_at, "
                    + "demo, version) values (?, 'Bench programme', ?, false, 0)");
                    PreparedStatement member = c.prepareStatement(
                            "insert into programme_member (programme_id, organisation_id) values (?, ?)")) {
                programme.setLong(1, PROGRAMME);
                programme.setTimestamp(2, now);
                programme.executeUpdate();
                for (int o = 1; o <= scale.organisations(); o++) {
                    member.setLong(1, PROGRAMME);
                    member.setLong(2, o);
                    member.addBatch();
                }
                member.executeBatch();
            }
            c.commit();

            long assessmentId = 1;
            long sectionId = 1;
            LocalDate first = LocalDate.of(2016, 1, 4);
            try (PreparedStatement assessment = c.prepareStatement("insert into assessment (id, organisation_id, "
                    + "framework_version_id, state, held_on, delivery, place, purpose, created_by, created_at, "
                    + "submitted_at, demo, version) values (?, ?, ?, ?, ?, 'IN_PERSON', 'Room 1', 'Benchmark', "
                    + "'bench', ?, ?, false, 0)");
                    PreparedStatement facilitator = c.prepareStatement(
                            "insert into assessment_facilitator (assessment_id, person_id) values (?, ?)");
                    PreparedStatement section = c.prepareStatement("insert into assessment_section (id, "
                            + "assessment_id, competency_id, sort_order, level_id, notes, confidence, updated_at, "
                            + "updated_by, version) values (?, ?, ?, ?, ?, ?, ?, ?, 'bench', 1)");
                    PreparedStatement evidence = c.prepareStatement(
                            "insert into assessment_evidence (section_id, sort_order, url) values (?, 0, ?)");
                    PreparedStatement barrier = c.prepareStatement("insert into assessment_barrier (section_id, "
                            + "sort_order, kind, description) values (?, 0, 'BUDGET', 'No budget line')")) {
                for (int o = 1; o <= scale.organisations(); o++) {
                    for (int k = 0; k < scale.assessmentsPerOrganisation(); k++, assessmentId++) {
                        boolean open = random.nextInt(10) == 0;
                        assessment.setLong(1, assessmentId);
                        assessment.setLong(2, o);
                        assessment.setLong(3, VERSION);
                        assessment.setString(4, open ? "IN_PROGRESS" : states[random.nextInt(2)]);
                        assessment.setDate(5, Date.valueOf(first.plusDays(k * 29L + random.nextInt(20))));
                        assessment.setTimestamp(6, now);
                        assessment.setTimestamp(7, open ? null : now);
                        assessment.addBatch();
                        facilitator.setLong(1, assessmentId);
                        facilitator.setLong(2, (long) (o - 1) * scale.peoplePerOrganisation() + 1
                                + random.nextInt(scale.peoplePerOrganisation()));
                        facilitator.addBatch();
                        for (int s = 0; s < scale.sections(); s++, sectionId++) {
                            section.setLong(1, sectionId);
                            section.setLong(2, assessmentId);
                            section.setLong(3, FIRST_COMPETENCY + s);
                            section.setInt(4, s);
                            if (open && random.nextBoolean()) {
                                section.setObject(5, null);
                            } else {
                                section.setLong(5, FIRST_LEVEL + random.nextInt(LEVELS));
                            }
                            section.setString(6, "Observed in session " + k + ", section " + (s + 1));
                            section.setString(7, "MEDIUM");
                            section.setTimestamp(8, now);
                            section.addBatch();
                            if (random.nextInt(4) == 0) {
                                evidence.setLong(1, sectionId);
                                evidence.setString(2, "https://example.org/evidence/" + sectionId);
                                evidence.addBatch();
                            }
                            if (random.nextInt(8) == 0) {
                                barrier.setLong(1, sectionId);
                                barrier.addBatch();
                            }
                        }
                    }
                    // parents before children: assessments, then their facilitators and sections, then theirs
                    assessment.executeBatch();
                    facilitator.executeBatch();
                    section.executeBatch();
                    evidence.executeBatch();
                    barrier.executeBatch();
                    if (o % 50 == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
            // what the application keeps on every submission (LatestFinalAssessments), filled as migration V3_31
            // fills it from existing assessments
            try (var statement = c.createStatement()) {
                statement.executeUpdate("""
                        insert into assessment_latest_final (framework_version_id, organisation_id, assessment_id,
                                                             held_on)
                        select framework_version_id, organisation_id, id, held_on
                        from (select a.framework_version_id, a.organisation_id, a.id, a.held_on,
                                     row_number() over (partition by a.framework_version_id, a.organisation_id
                                                        order by a.held_on desc, a.id desc) as rn
                              from assessment a
                              where a.state in ('SUBMITTED', 'VALIDATED')) ranked
                        where rn = 1
                        """);
            }
            c.commit();
        }
    }
}
