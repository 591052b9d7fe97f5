package org.capacityhub.matching.ranking;

import java.util.List;

/**
 * The match score: a weighted mean of eight factors, each 0 to 1 (docs/matching.md explains each):
 * <ul>
 * <li>taxonomy: how close the helper's competency is to the one asked ({@link Proximity});</li>
 * <li>level: 1 above the wanted level, 0.85 at it, falling below it (0.5 minus the shortfall, as scale fractions);
 *     0 when the helper gave no level;</li>
 * <li>language: 1 when the preferred language is shared, 0.7 for another shared language, 0 for none;</li>
 * <li>region: 1 same country, 0.7 same UN M49 region, 0.4 same continent, 0 otherwise or unknown;</li>
 * <li>time zone: the overlap of 09:00–17:00 working days, in hours out of 8 (0.5 when either is unknown);</li>
 * <li>format: 1 when offered as asked (or nothing asked), 0.5 when only blended is offered, 0 otherwise;</li>
 * <li>availability: the share of the offered hours still free (0.5 when hours were not said);</li>
 * <li>feedback: the mean rating of past exchanges, shrunk towards 3.5 by two phantom ratings, mapped from
 *     1–5 onto 0–1 (0.625 without feedback).</li>
 * </ul>
 * A helper with no hours left keeps a quarter of their score, so a fully booked mentor sinks below everyone free.
 */
public final class Scorer {

    /** What a fully booked helper keeps of their score. */
    public static final double FULL_LOAD_FACTOR = 0.25;
    private static final int WORKING_HOURS = 8;

    private final double[] weights;
    private final double weightSum;

    public Scorer(Weights weights) {
        this.weights = weights.asArray();
        double sum = 0;
        for (double w : this.weights) {
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalStateException("At least one capacityhub.matching.weights.* must be above 0");
        }
        this.weightSum = sum;
    }

    /** The candidate's score for the need, or null when its competency does not answer the need. */
    public Scored score(Need need, Candidate c) {
        Need.Target target = need.targets().get(c.competencyIdentifier());
        if (target == null) {
            return null;
        }
        double[] f = new double[8];
        f[0] = target.proximity().value();
        f[1] = level(c.levelFraction(), target.targetFraction());
        f[2] = language(need.languages(), c.languages());
        f[3] = region(need.countryCode(), c.countryCode());
        f[4] = timeZone(need.utcOffsetMinutes(), c.utcOffsetMinutes());
        f[5] = format(need.format(), c);
        f[6] = availability(c);
        f[7] = feedback(c.ratingSum(), c.ratingCount());
        double total = 0;
        for (int i = 0; i < f.length; i++) {
            total += weights[i] * f[i];
        }
        total /= weightSum;
        Integer remaining = c.remainingHours();
        boolean full = remaining != null && remaining <= 0;
        if (full) {
            total *= FULL_LOAD_FACTOR;
        }
        return new Scored(c, total, f, target, full);
    }

    /**
     * The same score as {@link #score}, without the details (no allocation): for pairing, which scores every
     * mentee against every mentor. -1 when the candidate's competency does not answer the need.
     */
    public double value(Need need, Candidate c) {
        Need.Target target = need.targets().get(c.competencyIdentifier());
        if (target == null) {
            return -1;
        }
        double total = weights[0] * target.proximity().value()
                + weights[1] * level(c.levelFraction(), target.targetFraction())
                + weights[2] * language(need.languages(), c.languages())
                + weights[3] * region(need.countryCode(), c.countryCode())
                + weights[4] * timeZone(need.utcOffsetMinutes(), c.utcOffsetMinutes())
                + weights[5] * format(need.format(), c)
                + weights[6] * availability(c)
                + weights[7] * feedback(c.ratingSum(), c.ratingCount());
        total /= weightSum;
        Integer remaining = c.remainingHours();
        return remaining != null && remaining <= 0 ? total * FULL_LOAD_FACTOR : total;
    }

    /**
     * The part of the weighted sum that depends on the helper only (availability and feedback), before dividing by
     * the weights' sum: offers sorted by it let ranking stop early ({@link Ranker}).
     */
    public double helperPart(Candidate c) {
        return weights[6] * availability(c) + weights[7] * feedback(c.ratingSum(), c.ratingCount());
    }

    /** The most the need-dependent part can add for an offer of this proximity, before dividing by the sum. */
    public double needPartMax(Proximity p) {
        return weights[0] * p.value() + weights[1] + weights[2] + weights[3] + weights[4] + weights[5];
    }

    public double weightSum() {
        return weightSum;
    }

    public static double level(double helper, double target) {
        if (helper < 0) {
            return 0;
        }
        double epsilon = 1e-9;
        if (helper > target + epsilon) {
            return 1;
        }
        if (helper >= target - epsilon) {
            return 0.85;
        }
        return Math.max(0, 0.5 - (target - helper));
    }

    static double language(List<String> wanted, List<String> spoken) {
        if (wanted.isEmpty()) {
            return 1;
        }
        if (spoken.contains(wanted.get(0))) {
            return 1;
        }
        for (String language : wanted) {
            if (spoken.contains(language)) {
                return 0.7;
            }
        }
        return 0;
    }

    static double region(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        String regionA = Regions.regionOf(a);
        if (regionA != null && regionA.equals(Regions.regionOf(b))) {
            return 0.7;
        }
        String continentA = Regions.continentOf(a);
        if (continentA != null && continentA.equals(Regions.continentOf(b))) {
            return 0.4;
        }
        return 0;
    }

    /** Hours of overlap of two 09:00–17:00 working days, 0 to 8. */
    public static double overlapHours(int offsetA, int offsetB) {
        int difference = Math.abs(offsetA - offsetB);
        if (difference > 12 * 60) {
            difference = 24 * 60 - difference;
        }
        return Math.max(0, WORKING_HOURS * 60 - difference) / 60.0;
    }

    static double timeZone(Integer a, Integer b) {
        if (a == null || b == null) {
            return 0.5;
        }
        return overlapHours(a, b) / WORKING_HOURS;
    }

    public static double format(Format wanted, Candidate c) {
        if (wanted == null) {
            return 1;
        }
        if (c.formats().contains(wanted)) {
            return 1;
        }
        if (wanted == Format.IN_PERSON && c.roles().contains(Role.ON_SITE_ASSISTANCE)) {
            return 1;
        }
        if (c.formats().contains(Format.BLENDED) || wanted == Format.BLENDED && !c.formats().isEmpty()) {
            return 0.5;
        }
        return c.formats().isEmpty() ? 0.5 : 0;
    }

    public static double availability(Candidate c) {
        Integer offered = c.offerHours();
        if (offered == null) {
            return 0.5;
        }
        if (offered <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, (double) (offered - c.committedHours()) / offered));
    }

    public static double feedback(int sum, int count) {
        double mean = (sum + 2 * 3.5) / (count + 2);
        return (mean - 1) / 4;
    }
}
