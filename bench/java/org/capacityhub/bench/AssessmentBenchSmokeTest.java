package org.capacityhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small run of the assessment benchmark in the normal build (H2 file and embedded PostgreSQL): generation, the
 * measured queries and their floors all work and answer the expected rows. Timings are not asserted here.
 */
class AssessmentBenchSmokeTest {

    @TempDir
    Path dir;

    static void check(List<AssessmentBenchmark.Result> results, AssessmentBenchmark.Scale scale) {
        assertThat(results).hasSize(2);
        AssessmentBenchmark.Result heat = results.get(0);
        // one latest final assessment per organisation, one row per section
        assertThat(heat.measured().rows()).isEqualTo(scale.organisations() * scale.sections());
        assertThat(heat.floor().rows()).isEqualTo(scale.organisations() * scale.sections());
        AssessmentBenchmark.Result report = results.get(1);
        assertThat(report.measured().rows()).isEqualTo(scale.sections());
        assertThat(report.floor().rows()).isEqualTo(scale.sections());
        assertThat(heat.measured().p50()).isPositive();
        assertThat(heat.ratio()).isPositive();
    }

    @Test
    void onH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=0;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        AssessmentBenchmark.Scale scale = AssessmentBenchmark.Scale.SMOKE;
        check(AssessmentBenchmark.run("H2 (file)", h2, scale), scale);
    }

    @Test
    void onPostgres() throws Exception {
        // a database of its own on the test suite's embedded server
        var server = org.capacityhub.support.EmbeddedPostgres.server();
        String database = "bench_smoke_" + Long.toString(System.nanoTime(), 36);
        try (var c = server.getPostgresDatabase().getConnection(); var statement = c.createStatement()) {
            statement.execute("create database " + database);
        }
        AssessmentBenchmark.Scale scale = AssessmentBenchmark.Scale.SMOKE;
        check(AssessmentBenchmark.run("PostgreSQL (embedded)", server.getDatabase("postgres", database), scale),
                scale);
    }
}
