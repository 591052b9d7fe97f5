package org.capacityhub.matching.ranking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Scorer#value} for every pair of a fixed set of needs (mentees) and candidates (mentors), with everything
 * that depends on one side only computed once, so that pairing can score millions of pairs: the same values as
 * {@link Scorer#value}, faster.
 */
public final class PairScorer {

    private final double[] w;
    private final double weightSum;
    private final Need[] needs;
    private final Candidate[] offers;
    // mentee side
    private final int[] firstLanguage;
    private final long[] menteeLanguages;
    private final int[] menteeCountry;
    private final int[] menteeRegion;
    private final int[] menteeContinent;
    private final int[] menteeOffset;
    // mentor side
    private final long[] mentorLanguages;
    private final int[] mentorCountry;
    private final int[] mentorRegion;
    private final int[] mentorContinent;
    private final int[] mentorOffset;
    private final double[] mentorConstant;
    private final double[] mentorLevel;
    private final boolean[] full;
    private final Map<String, Integer> codes = new HashMap<>();

    private static final int UNKNOWN = Integer.MIN_VALUE;

    public PairScorer(Weights weights, Need[] needs, Candidate[] offers) {
        this.w = weights.asArray();
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        this.weightSum = sum;
        this.needs = needs;
        this.offers = offers;
        int n = needs.length;
        int m = offers.length;
        firstLanguage = new int[n];
        menteeLanguages = new long[n];
        menteeCountry = new int[n];
        menteeRegion = new int[n];
        menteeContinent = new int[n];
        menteeOffset = new int[n];
        for (int i = 0; i < n; i++) {
            Need need = needs[i];
            firstLanguage[i] = need.languages().isEmpty() ? -1 : bit(need.languages().get(0));
            menteeLanguages[i] = mask(need.languages());
            menteeCountry[i] = code("c:" + need.countryCode(), need.countryCode());
            menteeRegion[i] = code("r:" + Regions.regionOf(need.countryCode()), Regions.regionOf(need.countryCode()));
            menteeContinent[i] = code("k:" + Regions.continentOf(need.countryCode()),
                    Regions.continentOf(need.countryCode()));
            menteeOffset[i] = need.utcOffsetMinutes() == null ? UNKNOWN : need.utcOffsetMinutes();
        }
        mentorLanguages = new long[m];
        mentorCountry = new int[m];
        mentorRegion = new int[m];
        mentorContinent = new int[m];
        mentorOffset = new int[m];
        mentorConstant = new double[m];
        mentorLevel = new double[m];
        full = new boolean[m];
        for (int j = 0; j < m; j++) {
            Candidate c = offers[j];
            mentorLanguages[j] = mask(c.languages());
            mentorCountry[j] = code("c:" + c.countryCode(), c.countryCode());
            mentorRegion[j] = code("r:" + Regions.regionOf(c.countryCode()), Regions.regionOf(c.countryCode()));
            mentorContinent[j] = code("k:" + Regions.continentOf(c.countryCode()), Regions.continentOf(c.countryCode()));
            mentorOffset[j] = c.utcOffsetMinutes() == null ? UNKNOWN : c.utcOffsetMinutes();
            mentorConstant[j] = w[6] * Scorer.availability(c) + w[7] * Scorer.feedback(c.ratingSum(), c.ratingCount());
            mentorLevel[j] = c.levelFraction();
            Integer remaining = c.remainingHours();
            full[j] = remaining != null && remaining <= 0;
        }
    }

    private int code(String key, String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return codes.computeIfAbsent(key, k -> codes.size());
    }

    private final Map<String, Integer> languageBits = new HashMap<>();

    /** A bit per language (languages beyond the 64th share bits: only a finer score is lost, never a pair). */
    private int bit(String language) {
        return languageBits.computeIfAbsent(language, k -> languageBits.size()) % 64;
    }

    private long mask(List<String> languages) {
        long mask = 0;
        for (String l : languages) {
            mask |= 1L << bit(l);
        }
        return mask;
    }

    /** The score of mentor j for mentee i, as {@link Scorer#value}; -1 when the mentor's competency does not answer. */
    public double value(int i, int j) {
        Need.Target target = needs[i].targets().get(offers[j].competencyIdentifier());
        if (target == null) {
            return -1;
        }
        double language;
        if (needs[i].languages().isEmpty()) {
            language = 1;
        } else if (firstLanguage[i] >= 0 && (mentorLanguages[j] & (1L << firstLanguage[i])) != 0) {
            language = 1;
        } else {
            language = (menteeLanguages[i] & mentorLanguages[j]) != 0 ? 0.7 : 0;
        }
        double region;
        if (menteeCountry[i] == UNKNOWN || mentorCountry[j] == UNKNOWN) {
            region = 0;
        } else if (menteeCountry[i] == mentorCountry[j]) {
            region = 1;
        } else if (menteeRegion[i] != UNKNOWN && menteeRegion[i] == mentorRegion[j]) {
            region = 0.7;
        } else if (menteeContinent[i] != UNKNOWN && menteeContinent[i] == mentorContinent[j]) {
            region = 0.4;
        } else {
            region = 0;
        }
        double zone = menteeOffset[i] == UNKNOWN || mentorOffset[j] == UNKNOWN ? 0.5
                : Scorer.overlapHours(menteeOffset[i], mentorOffset[j]) / 8;
        double total = w[0] * target.proximity().value()
                + w[1] * Scorer.level(mentorLevel[j], target.targetFraction())
                + w[2] * language + w[3] * region + w[4] * zone
                + w[5] * Scorer.format(needs[i].format(), offers[j])
                + mentorConstant[j];
        total /= weightSum;
        return full[j] ? total * Scorer.FULL_LOAD_FACTOR : total;
    }
}
