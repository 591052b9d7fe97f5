package org.capacityhub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Regions;
import org.capacityhub.matching.ranking.Scored;
import org.junit.jupiter.api.Test;

/**
 * A small run of the matching ranking benchmark in the normal build (2,000 profiles, 40 requests): the harness
 * works, and every answer agrees with a straightforward reference computed here on the same rows, read with plain
 * SQL: the documented score (docs/matching.md) of every visible offer on the request's neighbourhood, the best
 * offer per profile, the top 20; and the floor's overlap counts with a count in Java. Timings are not asserted.
 */
class MatchingBenchSmokeTest {

    /** An offer as the reference reads it. */
    record Offer(long profile, long organisation, String visibility, List<String> languages, String country,
            String zone, int committed, int ratingSum, int ratingCount, String competency, Integer knows, int scale,
            String roles, Integer hours, String formats) {}

    @Test
    void theRankingAndTheFloorAgreeWithAReferenceComputation() throws Exception {
        MatchingBenchmark.Data data = MatchingBenchmark.load("smoke" + System.nanoTime(), 2_000);
        List<Offer> offers = new ArrayList<>();
        try (Connection c = data.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select p.id, p.organisation_id, p.visibility, p.languages, p.country_code, "
                     + "p.time_zone, p.committed_hours, p.rating_sum, p.rating_count, e.competency_identifier, "
                     + "e.knows_rank, e.scale_size, e.offer_roles, e.offer_hours, e.offer_formats "
                     + "from matching_profile p join matching_entry e on e.profile_id = p.id")) {
            while (rs.next()) {
                Integer knows = (Integer) rs.getObject(11);
                Integer hours = (Integer) rs.getObject(14);
                offers.add(new Offer(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Arrays.asList(rs.getString(4).split(",")), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getInt(8), rs.getInt(9), rs.getString(10), knows, rs.getInt(12), rs.getString(13), hours,
                        rs.getString(15)));
            }
        }
        assertThat(offers).hasSize(3 * 2_000);
        int[] checked = {0};
        MatchingBenchmark.RankingResult result = MatchingBenchmark.ranking(data, 2, 40, (need, asked, ours, floor) -> {
            // ours: the top 20 by the reference score, one result per profile
            Map<Long, Double> best = new HashMap<>();
            for (Offer o : offers) {
                if (o.roles() == null || !need.targets().containsKey(o.competency()) || !visible(o)) {
                    continue;
                }
                best.merge(o.profile(), score(need, o), Math::max);
            }
            List<Map.Entry<Long, Double>> reference = new ArrayList<>(best.entrySet());
            reference.sort(Map.Entry.<Long, Double>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            reference = reference.subList(0, Math.min(20, reference.size()));
            assertThat(ours).hasSize(reference.size());
            for (int i = 0; i < ours.size(); i++) {
                Scored s = ours.get(i);
                assertThat(s.score()).as("score at rank %d", i + 1).isCloseTo(reference.get(i).getValue(),
                        within(1e-9));
                // the same helper, or one with the same score (ties)
                assertThat(best.get(s.candidate().profileId())).isCloseTo(s.score(), within(1e-9));
            }
            // the floor: the most overlapping capacities among the three asked, with random tie-breaks
            Map<Long, Long> overlap = new HashMap<>();
            for (Offer o : offers) {
                if (o.roles() != null && Arrays.stream(asked).anyMatch(a -> data.nodes().get(a).id()
                        .equals(o.competency()))) {
                    overlap.merge(o.profile(), 1L, Long::sum);
                }
            }
            List<Long> counts = overlap.values().stream().sorted(Comparator.reverseOrder())
                    .limit(20).toList();
            assertThat(floor.stream().map(r -> r[1]).toList()).isEqualTo(counts);
            floor.forEach(r -> assertThat(overlap.get(r[0])).isEqualTo(r[1]));
            checked[0]++;
        });
        assertThat(checked[0]).isEqualTo(40);
        assertThat(result.candidates()).isPositive();
    }

    private static boolean visible(Offer o) {
        return o.visibility().equals("PUBLIC")
                || MatchingBenchmark.VIEWER.programmePartners().contains(o.organisation());
    }

    /** The score as docs/matching.md states it, with the default weights. */
    private static double score(Need need, Offer o) {
        Need.Target target = need.targets().get(o.competency());
        double taxonomy = target.proximity().value();
        double level;
        if (o.knows() == null) {
            level = 0;
        } else {
            double helper = o.scale() <= 1 ? 1 : o.knows() / (double) (o.scale() - 1);
            double wanted = target.targetFraction();
            level = Math.abs(helper - wanted) < 1e-9 ? 0.85
                    : helper > wanted ? 1 : Math.max(0, 0.5 - (wanted - helper));
        }
        double language = need.languages().isEmpty() || o.languages().contains(need.languages().get(0)) ? 1
                : need.languages().stream().anyMatch(o.languages()::contains) ? 0.7 : 0;
        double region = need.countryCode() == null || o.country() == null ? 0
                : need.countryCode().equals(o.country()) ? 1
                : Regions.regionOf(o.country()) != null && Regions.regionOf(o.country())
                        .equals(Regions.regionOf(need.countryCode())) ? 0.7
                : Regions.continentOf(o.country()) != null && Regions.continentOf(o.country())
                        .equals(Regions.continentOf(need.countryCode())) ? 0.4 : 0;
        double timeZone;
        if (need.utcOffsetMinutes() == null || o.zone() == null) {
            timeZone = 0.5;
        } else {
            int helper = ZoneId.of(o.zone()).getRules().getOffset(Instant.now()).getTotalSeconds() / 60;
            int difference = Math.abs(helper - need.utcOffsetMinutes());
            difference = Math.min(difference, 24 * 60 - difference);
            timeZone = Math.max(0, 8 * 60 - difference) / 60.0 / 8;
        }
        List<String> formats = o.formats() == null ? List.of() : Arrays.asList(o.formats().split(","));
        double format = need.format() == null || formats.contains(need.format().name()) ? 1
                : formats.contains("BLENDED") || formats.isEmpty() ? 0.5 : 0;
        double availability = o.hours() == null ? 0.5 : o.hours() <= 0 ? 0
                : Math.max(0, Math.min(1, (o.hours() - o.committed()) / (double) o.hours()));
        double feedback = ((o.ratingSum() + 7.0) / (o.ratingCount() + 2) - 1) / 4;
        double total = (3 * taxonomy + 2 * level + 2 * language + region + timeZone + format + 1.5 * availability
                + feedback) / 12.5;
        boolean fullLoad = o.hours() != null && o.hours() - o.committed() <= 0;
        return fullLoad ? total * 0.25 : total;
    }
}
