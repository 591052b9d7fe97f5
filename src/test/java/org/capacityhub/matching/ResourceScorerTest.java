package org.capacityhub.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Proximity;
import org.capacityhub.matching.ranking.ResourceScorer;
import org.capacityhub.matching.ranking.ResourceScorer.Content;
import org.capacityhub.matching.ranking.Weights;
import org.junit.jupiter.api.Test;

/** The score of library resources: one test per factor that applies to content, each preferring the better fit. */
class ResourceScorerTest {

    private final ResourceScorer scorer = new ResourceScorer(new Weights());

    private static Need need(Format format) {
        return new Need(Map.of("asked", new Need.Target(Proximity.SAME, 1, 0.5),
                "area", new Need.Target(Proximity.SAME_AREA, 1, 0.5)), List.of("fr", "en"), "KE", 180, format, null);
    }

    private static Content content(String identifier, Integer level, List<String> languages, String country,
            Format format) {
        return new Content(1, 1, identifier, level, 3, languages, country, format);
    }

    private double score(Need need, Content c) {
        return scorer.score(need, c).score();
    }

    @Test
    void taxonomy() {
        assertThat(score(need(null), content("asked", 1, List.of("fr"), "KE", Format.ONLINE)))
                .isGreaterThan(score(need(null), content("area", 1, List.of("fr"), "KE", Format.ONLINE)));
        assertThat(scorer.score(need(null), content("elsewhere", 1, List.of("fr"), "KE", Format.ONLINE))).isNull();
    }

    @Test
    void level() {
        Need need = need(null); // wants the middle of a 3-level scale
        double at = score(need, content("asked", 1, List.of("fr"), "KE", Format.ONLINE));
        double all = score(need, content("asked", null, List.of("fr"), "KE", Format.ONLINE));
        double above = score(need, content("asked", 2, List.of("fr"), "KE", Format.ONLINE));
        assertThat(at).isGreaterThan(all);
        assertThat(all).isGreaterThan(above);
        assertThat(above).isEqualTo(score(need, content("asked", 0, List.of("fr"), "KE", Format.ONLINE)));
    }

    @Test
    void language() {
        Need need = need(null);
        double preferred = score(need, content("asked", 1, List.of("fr"), "KE", Format.ONLINE));
        double other = score(need, content("asked", 1, List.of("en"), "KE", Format.ONLINE));
        double none = score(need, content("asked", 1, List.of("sw"), "KE", Format.ONLINE));
        assertThat(preferred).isGreaterThan(other);
        assertThat(other).isGreaterThan(none);
    }

    @Test
    void region() {
        Need need = need(null); // from Kenya
        double country = score(need, content("asked", 1, List.of("fr"), "KE", Format.ONLINE));
        double region = score(need, content("asked", 1, List.of("fr"), "UG", Format.ONLINE));
        double continent = score(need, content("asked", 1, List.of("fr"), "SN", Format.ONLINE));
        double nowhere = score(need, content("asked", 1, List.of("fr"), null, Format.ONLINE));
        double elsewhere = score(need, content("asked", 1, List.of("fr"), "FR", Format.ONLINE));
        assertThat(country).isGreaterThan(region);
        assertThat(region).isGreaterThan(continent);
        assertThat(continent).isEqualTo(nowhere);
        assertThat(nowhere).isGreaterThan(elsewhere);
    }

    @Test
    void format() {
        Need need = need(Format.IN_PERSON);
        double asked = score(need, content("asked", 1, List.of("fr"), "KE", Format.IN_PERSON));
        double blended = score(need, content("asked", 1, List.of("fr"), "KE", Format.BLENDED));
        double online = score(need, content("asked", 1, List.of("fr"), "KE", Format.ONLINE));
        assertThat(asked).isGreaterThan(blended);
        assertThat(blended).isGreaterThan(online);
        assertThat(score(need(null), content("asked", 1, List.of("fr"), "KE", Format.ONLINE))).isEqualTo(1.0);
    }
}
