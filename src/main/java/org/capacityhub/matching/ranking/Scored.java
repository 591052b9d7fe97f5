package org.capacityhub.matching.ranking;

/**
 * A candidate with its score (0 to 1) and the value of each factor ({@link Factor} order).
 *
 * @param target   what the candidate's competency answers
 * @param fullLoad the helper has no hours left (their score sinks)
 */
public record Scored(Candidate candidate, double score, double[] factors, Need.Target target, boolean fullLoad) {

    public double factor(Factor f) {
        return factors[f.ordinal()];
    }
}
