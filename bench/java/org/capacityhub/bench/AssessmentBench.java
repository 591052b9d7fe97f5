package org.capacityhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The full assessment benchmark (1,000 organisations, 20,000 people, 1,000,000 ratings) on H2 (file) and on an
 * embedded PostgreSQL. Not part of {@code ./mvnw verify}: run with {@code ./mvnw -Pbench test} (docs/benchmarks.md).
 * {@code -Dbench.databases=h2} or {@code =postgresql} runs one database only; {@code -Dbench.warmup=…} and
 * {@code -Dbench.runs=…} change the number of warm-up and timed runs (default 2 and 20).
 */
class AssessmentBench {

    @Test
    void measure() throws Exception {
        String databases = System.getProperty("bench.databases", "h2,postgresql");
        AssessmentBenchmark.Scale full = AssessmentBenchmark.Scale.FULL;
        AssessmentBenchmark.Scale scale = new AssessmentBenchmark.Scale(full.organisations(),
                full.peoplePerOrganisation(), full.assessmentsPerOrganisation(), full.sections(),
                Integer.getInteger("bench.warmup", full.warmup()), Integer.getInteger("bench.runs", full.runs()));
        List<AssessmentBenchmark.Result> results = new ArrayList<>();
        if (databases.contains("h2")) {
            Path dir = Files.createTempDirectory("capacityhub-bench-h2");
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + dir.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=0;DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            results.addAll(AssessmentBenchmark.run("H2 (file)", h2, scale));
        }
        if (databases.contains("postgresql")) {
            try (var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
                results.addAll(AssessmentBenchmark.run("PostgreSQL (embedded)", server.getDatabase("postgres", "postgres",
                        java.util.Map.of("reWriteBatchedInserts", "true")),
                        scale));
            }
        }
        System.out.println();
        System.out.println("| database | query | p50 ms | p95 ms | rows | floor p50 ms | floor p95 ms | floor rows "
                + "| ratio (p50) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        results.forEach(System.out::println);
    }
}
