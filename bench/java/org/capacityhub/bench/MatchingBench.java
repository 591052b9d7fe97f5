package org.capacityhub.bench;

import org.junit.jupiter.api.Test;

/**
 * The full matching benchmark: ranking one request against 100,000 profiles beside its floor, and pairing 10,000
 * mentees with 2,000 mentors (docs/benchmarks.md, "Matching"). Not part of {@code ./mvnw verify}: run with
 * {@code ./mvnw -Pbench test -Dbench=MatchingBench -DargLine=-Xmx3g}; {@code -Dbench.profiles=…},
 * {@code -Dbench.mentees=…} and {@code -Dbench.mentors=…} change the sizes ({@code 0} profiles skips the ranking).
 */
class MatchingBench {

    @Test
    void measure() throws Exception {
        MatchingBenchmark.main(new String[] {System.getProperty("bench.profiles", "100000"),
                System.getProperty("bench.mentees", "10000"), System.getProperty("bench.mentors", "2000")});
    }
}
