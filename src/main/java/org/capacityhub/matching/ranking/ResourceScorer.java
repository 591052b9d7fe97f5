package org.capacityhub.matching.ranking;

import java.util.List;

/**
 * The score of a library resource for a need: the weighted mean (same weights as for helpers) of the five factors
 * that apply to content; time zone, availability and feedback do not (docs/matching.md, decision 0017):
 * <ul>
 * <li>taxonomy: how close the competency it is tagged with is to the one asked ({@link Proximity});</li>
 * <li>level: 1 at the level wanted, falling by the distance (as scale fractions) above or below it; 0.75 for a
 *     resource made for all levels;</li>
 * <li>language: as for helpers, over the languages it is available in;</li>
 * <li>region: 1 same country, 0.7 same UN M49 region, 0.4 same continent or a resource tied to no country, 0
 *     otherwise;</li>
 * <li>format: 1 delivered as asked (or nothing asked), 0.5 when either side is blended, 0 otherwise.</li>
 * </ul>
 */
public final class ResourceScorer {

    /** What a resource for all levels gets for the level. */
    public static final double ALL_LEVELS = 0.75;
    /** What a resource tied to no country gets for the region. */
    public static final double NO_COUNTRY = 0.4;
    private static final Factor[] APPLICABLE = {Factor.TAXONOMY, Factor.LEVEL, Factor.LANGUAGE, Factor.REGION,
            Factor.FORMAT};

    /**
     * A resource on one competency it is tagged with.
     *
     * @param identifier the CASE identifier of that competency
     * @param levelRank  its level on that competency's scale, or null for all levels
     * @param scaleSize  the number of levels of that scale
     * @param format     how it is delivered
     */
    public record Content(long resourceId, long competencyId, String identifier, Integer levelRank, int scaleSize,
            List<String> languages, String countryCode, Format format) {

        /** Its level as a fraction of the scale, or -1 for all levels. */
        public double levelFraction() {
            if (levelRank == null) {
                return -1;
            }
            return scaleSize <= 1 ? 1 : (double) levelRank / (scaleSize - 1);
        }
    }

    /** A resource scored: the factors in {@link Factor} order (those that do not apply are NaN). */
    public record ScoredContent(Content content, Need.Target target, double score, double[] factors) {

        public double factor(Factor f) {
            return factors[f.ordinal()];
        }
    }

    private final double[] weights;
    private final double weightSum;

    public ResourceScorer(Weights weights) {
        this.weights = weights.asArray();
        double sum = 0;
        for (Factor f : APPLICABLE) {
            sum += this.weights[f.ordinal()];
        }
        this.weightSum = sum;
    }

    /** The score of the content for the need, or null when its competency does not answer the need. */
    public ScoredContent score(Need need, Content c) {
        Need.Target target = need.targets().get(c.identifier());
        if (target == null) {
            return null;
        }
        double[] f = new double[Factor.values().length];
        java.util.Arrays.fill(f, Double.NaN);
        f[Factor.TAXONOMY.ordinal()] = target.proximity().value();
        f[Factor.LEVEL.ordinal()] = level(c.levelFraction(), target.targetFraction());
        f[Factor.LANGUAGE.ordinal()] = Scorer.language(need.languages(), c.languages());
        f[Factor.REGION.ordinal()] = c.countryCode() == null ? NO_COUNTRY : Scorer.region(need.countryCode(),
                c.countryCode());
        f[Factor.FORMAT.ordinal()] = format(need.format(), c.format());
        double total = 0;
        for (Factor factor : APPLICABLE) {
            total += weights[factor.ordinal()] * f[factor.ordinal()];
        }
        return new ScoredContent(c, target, weightSum <= 0 ? 0 : total / weightSum, f);
    }

    /** 1 at the wanted level, less the distance above or below it; {@link #ALL_LEVELS} for all levels. */
    public static double level(double resource, double target) {
        if (resource < 0) {
            return ALL_LEVELS;
        }
        return Math.max(0, 1 - Math.abs(resource - target));
    }

    public static double format(Format wanted, Format delivered) {
        if (wanted == null || wanted == delivered) {
            return 1;
        }
        return wanted == Format.BLENDED || delivered == Format.BLENDED ? 0.5 : 0;
    }
}
