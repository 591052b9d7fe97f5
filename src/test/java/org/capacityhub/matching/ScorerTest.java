package org.capacityhub.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capacityhub.matching.ranking.Candidate;
import org.capacityhub.matching.ranking.Factor;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Proximity;
import org.capacityhub.matching.ranking.Ranker;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.Scored;
import org.capacityhub.matching.ranking.Scorer;
import org.capacityhub.matching.ranking.Viewer;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.matching.ranking.Weights;
import org.junit.jupiter.api.Test;

/** The match score prefers the better candidate in each factor, all else being equal. */
class ScorerTest {

    private static final String ASKED = "00000000-0000-0000-0000-000000000001";
    private static final String SAME_AREA = "00000000-0000-0000-0000-000000000002";
    private final Scorer scorer = new Scorer(new Weights());

    /** Asks for ASKED at the middle of the scale, in French then English, from Kenya (UTC+3), online. */
    private static Need need() {
        return new Need(Map.of(ASKED, new Need.Target(Proximity.SAME, 1, 0.5),
                SAME_AREA, new Need.Target(Proximity.SAME_AREA, 1, 0.5)), List.of("fr", "en"), "KE", 180,
                Format.ONLINE, 99L);
    }

    private record C(long id, String competency, Integer rank, List<String> languages, String country, Integer offset,
            Set<Format> formats, int offered, int committed, int ratingSum, int ratingCount) {
        static C base(long id) {
            return new C(id, ASKED, 3, List.of("fr"), "KE", 180, Set.of(Format.ONLINE), 10, 0, 0, 0);
        }
        C competency(String c) { return new C(id, c, rank, languages, country, offset, formats, offered, committed, ratingSum, ratingCount); }
        C rank(Integer r) { return new C(id, competency, r, languages, country, offset, formats, offered, committed, ratingSum, ratingCount); }
        C languages(String... l) { return new C(id, competency, rank, List.of(l), country, offset, formats, offered, committed, ratingSum, ratingCount); }
        C country(String c) { return new C(id, competency, rank, languages, c, offset, formats, offered, committed, ratingSum, ratingCount); }
        C offset(Integer o) { return new C(id, competency, rank, languages, country, o, formats, offered, committed, ratingSum, ratingCount); }
        C formats(Format... f) { return new C(id, competency, rank, languages, country, offset, Set.of(f), offered, committed, ratingSum, ratingCount); }
        C committed(int h) { return new C(id, competency, rank, languages, country, offset, formats, offered, h, ratingSum, ratingCount); }
        C ratings(int sum, int count) { return new C(id, competency, rank, languages, country, offset, formats, offered, committed, sum, count); }
        Candidate candidate() {
            return new Candidate(id, false, id, id, "Helper " + id, languages, country, offset, Visibility.PUBLIC,
                    committed, ratingSum, ratingCount, id, competency, rank, 5, Set.of(Role.MENTOR), offered, formats);
        }
    }

    private double score(C c) {
        return scorer.score(need(), c.candidate()).score();
    }

    @Test
    void taxonomyTheSameCompetencyBeatsOneOfTheSameArea() {
        assertThat(score(C.base(1))).isGreaterThan(score(C.base(2).competency(SAME_AREA)));
        assertThat(Proximity.SAME.value()).isGreaterThan(Proximity.CROSSWALK.value());
        assertThat(Proximity.CROSSWALK.value()).isGreaterThan(Proximity.SUB_COMPETENCY.value());
        assertThat(Proximity.SUB_COMPETENCY.value()).isGreaterThan(Proximity.PARENT.value());
        assertThat(Proximity.PARENT.value()).isGreaterThan(Proximity.SAME_AREA.value());
    }

    @Test
    void levelAHelperAboveTheLevelAskedBeatsOneAtItWhoBeatsOneBelow() {
        // target 0.5 of a 5-level scale = rank 2
        double above = score(C.base(1).rank(4));
        double at = score(C.base(2).rank(2));
        double below = score(C.base(3).rank(1));
        double unknown = score(C.base(4).rank(null));
        assertThat(above).isGreaterThan(at);
        assertThat(at).isGreaterThan(below);
        assertThat(below).isGreaterThan(unknown);
    }

    @Test
    void languageThePreferredLanguageBeatsAnotherSharedOneWhichBeatsNone() {
        double preferred = score(C.base(1).languages("fr"));
        double other = score(C.base(2).languages("en"));
        double none = score(C.base(3).languages("sw"));
        assertThat(preferred).isGreaterThan(other);
        assertThat(other).isGreaterThan(none);
    }

    @Test
    void regionSameCountryBeatsSameRegionBeatsSameContinentBeatsElsewhere() {
        double country = score(C.base(1).country("KE"));
        double region = score(C.base(2).country("UG")); // Eastern Africa
        double continent = score(C.base(3).country("SN")); // Western Africa
        double elsewhere = score(C.base(4).country("FR"));
        assertThat(country).isGreaterThan(region);
        assertThat(region).isGreaterThan(continent);
        assertThat(continent).isGreaterThan(elsewhere);
    }

    @Test
    void timeZoneMoreWorkingHoursInCommonIsBetter() {
        double same = score(C.base(1).offset(180));
        double twoHours = score(C.base(2).offset(60));
        double tenHours = score(C.base(3).offset(-420));
        assertThat(same).isGreaterThan(twoHours);
        assertThat(twoHours).isGreaterThan(tenHours);
        assertThat(Scorer.overlapHours(180, 60)).isEqualTo(6);
        assertThat(Scorer.overlapHours(180, -420)).isZero();
    }

    @Test
    void formatOfferingTheFormatAskedBeatsBlendedBeatsAnotherFormat() {
        double asked = score(C.base(1).formats(Format.ONLINE));
        double blended = score(C.base(2).formats(Format.BLENDED));
        double other = score(C.base(3).formats(Format.IN_PERSON));
        assertThat(asked).isGreaterThan(blended);
        assertThat(blended).isGreaterThan(other);
    }

    @Test
    void availabilityMoreFreeHoursIsBetterAndAFullLoadSinksBelowEveryoneFree() {
        double free = score(C.base(1).committed(0));
        double half = score(C.base(2).committed(5));
        Scored full = scorer.score(need(), C.base(3).committed(10).candidate());
        assertThat(free).isGreaterThan(half);
        assertThat(half).isGreaterThan(full.score());
        assertThat(full.fullLoad()).isTrue();
        // a fully booked perfect match ranks below a free helper who only shares the area and a second language
        double weakButFree = score(C.base(4).competency(SAME_AREA).languages("en").rank(2));
        assertThat(weakButFree).isGreaterThan(full.score());
    }

    @Test
    void feedbackBetterPastRatingsAreBetterAndNoFeedbackIsNeutral() {
        double good = score(C.base(1).ratings(20, 4));
        double none = score(C.base(2).ratings(0, 0));
        double poor = score(C.base(3).ratings(6, 4));
        assertThat(good).isGreaterThan(none);
        assertThat(none).isGreaterThan(poor);
    }

    @Test
    void weightsAreConfigurableAZeroWeightIgnoresItsFactor() {
        Weights onlyLanguage = new Weights();
        onlyLanguage.setTaxonomy(0);
        onlyLanguage.setLevel(0);
        onlyLanguage.setRegion(0);
        onlyLanguage.setTimeZone(0);
        onlyLanguage.setFormat(0);
        onlyLanguage.setAvailability(0);
        onlyLanguage.setFeedback(0);
        Scorer languageOnly = new Scorer(onlyLanguage);
        Scored a = languageOnly.score(need(), C.base(1).rank(0).country("FR").candidate());
        Scored b = languageOnly.score(need(), C.base(2).rank(4).candidate());
        assertThat(a.score()).isEqualTo(b.score()).isEqualTo(1.0);
        assertThat(a.factor(Factor.LEVEL)).isLessThan(b.factor(Factor.LEVEL));
    }

    @Test
    void theRankerCountsEachProfileOnceHidesWhatTheViewerMayNotSeeAndNeverTheRequesterThemself() {
        Candidate best = C.base(1).candidate();
        Candidate sameProfileWeaker = new Candidate(1, false, 1L, 1L, "Helper 1", List.of("fr"), "KE", 180,
                Visibility.PUBLIC, 0, 0, 0, 11, SAME_AREA, 3, 5, Set.of(Role.MENTOR), 10, Set.of(Format.ONLINE));
        Candidate hidden = new Candidate(2, false, 2L, 2L, "Hidden", List.of("fr"), "KE", 180,
                Visibility.COORDINATORS, 0, 0, 0, 2, ASKED, 4, 5, Set.of(Role.MENTOR), 10, Set.of(Format.ONLINE));
        Candidate requester = new Candidate(99, false, 99L, 99L, "Me", List.of("fr"), "KE", 180,
                Visibility.PUBLIC, 0, 0, 0, 3, ASKED, 4, 5, Set.of(Role.MENTOR), 10, Set.of(Format.ONLINE));
        Candidate second = C.base(4).languages("en").candidate();
        Viewer viewer = new Viewer(false, 50L, Set.of(), Set.of(), Set.of());
        List<Scored> ranked = new Ranker(scorer).rank(need(), List.of(second, sameProfileWeaker, hidden, requester,
                best), viewer, c -> true, 10);
        assertThat(ranked).extracting(s -> s.candidate().profileId()).containsExactly(1L, 4L);
        assertThat(ranked.get(0).candidate().competencyIdentifier()).isEqualTo(ASKED);
        Viewer coordinator = new Viewer(false, 50L, Set.of(), Set.of(), Set.of(2L));
        assertThat(new Ranker(scorer).rank(need(), List.of(hidden), coordinator, c -> true, 10)).hasSize(1);
        Viewer partner = new Viewer(false, 50L, Set.of(), Set.of(2L), Set.of());
        assertThat(new Ranker(scorer).rank(need(), List.of(hidden), partner, c -> true, 10)).isEmpty();
    }

    @Test
    void theEarlyStoppingRankerAndThePairScorerGiveTheSameResultsAsScoringEverything() {
        java.util.Random random = new java.util.Random(11);
        String[] identifiers = {ASKED, SAME_AREA};
        String[] languages = {"fr", "en", "sw"};
        String[] countries = {"KE", "UG", "SN", "FR", null};
        List<Candidate> offers = new java.util.ArrayList<>();
        for (int k = 0; k < 2_000; k++) {
            long profile = 1 + random.nextInt(800);
            offers.add(new Candidate(profile, false, profile, profile % 7, "H" + profile,
                    List.of(languages[random.nextInt(3)]), countries[random.nextInt(5)],
                    random.nextBoolean() ? null : 60 * (random.nextInt(10) - 3),
                    random.nextInt(6) == 0 ? Visibility.COORDINATORS : Visibility.PUBLIC, random.nextInt(12),
                    random.nextInt(20), random.nextInt(5), k, identifiers[random.nextInt(2)],
                    random.nextInt(6) == 0 ? null : random.nextInt(5), 5, Set.of(Role.MENTOR),
                    random.nextInt(5) == 0 ? null : 10, Set.of(Format.values()[random.nextInt(3)])));
        }
        Viewer viewer = new Viewer(false, 50L, Set.of(), Set.of(3L), Set.of(1L));
        java.util.Map<String, List<Candidate>> sorted = new java.util.HashMap<>();
        for (Candidate c : offers) {
            sorted.computeIfAbsent(c.competencyIdentifier(), x -> new java.util.ArrayList<>()).add(c);
        }
        sorted.values().forEach(l -> l.sort(java.util.Comparator.comparingDouble(scorer::helperPart).reversed()
                .thenComparingLong(Candidate::profileId)));
        Ranker ranker = new Ranker(scorer);
        for (int limit : new int[] {1, 5, 20, 1000}) {
            List<Scored> all = ranker.rank(need(), offers, viewer, c -> true, limit);
            List<Scored> early = ranker.rankSorted(need(), sorted::get, viewer, c -> true, limit);
            assertThat(early).extracting(s -> s.candidate().profileId())
                    .containsExactlyElementsOf(all.stream().map(s -> s.candidate().profileId()).toList());
            assertThat(early).extracting(Scored::score).containsExactlyElementsOf(all.stream().map(Scored::score).toList());
        }
        Need[] needs = {need(), new Need(need().targets(), List.of("sw"), null, null, Format.IN_PERSON, null)};
        Candidate[] mentors = offers.subList(0, 300).toArray(Candidate[]::new);
        org.capacityhub.matching.ranking.PairScorer pairs = new org.capacityhub.matching.ranking.PairScorer(
                new Weights(), needs, mentors);
        for (int i = 0; i < needs.length; i++) {
            for (int j = 0; j < mentors.length; j++) {
                assertThat(pairs.value(i, j)).isCloseTo(scorer.value(needs[i], mentors[j]),
                        org.assertj.core.data.Offset.offset(1e-12));
                assertThat(scorer.value(needs[i], mentors[j])).isCloseTo(scorer.score(needs[i], mentors[j]).score(),
                        org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }
}
