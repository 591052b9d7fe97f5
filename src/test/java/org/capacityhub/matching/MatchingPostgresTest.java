package org.capacityhub.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.domain.RequestService;
import org.capacityhub.matching.ranking.Scored;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The module's schema and queries on PostgreSQL: profiles, a request and its ranking. */
@PostgresIntegrationTest
class MatchingPostgresTest {

    @Autowired
    ApplicationContext context;

    @Test
    void profilesRequestsAndRankingWorkOnPostgres() {
        MatchingFixtures fixtures = new MatchingFixtures(context);
        long competency = fixtures.section(1);
        Actor helper = fixtures.member("Postgres agency");
        Profile profile = fixtures.helper(helper, competency, 2, Visibility.PUBLIC, "en", "fr");
        Actor asker = fixtures.member("Postgres ministry");
        long request = fixtures.request(asker, competency, "fr");
        List<Scored> ranked = MatchingFixtures.as(asker,
                () -> context.getBean(RequestService.class).rank(request, 10));
        assertThat(ranked).extracting(s -> s.candidate().profileId()).contains(profile.getId());
        Scored mine = ranked.stream().filter(s -> s.candidate().profileId() == profile.getId()).findFirst()
                .orElseThrow();
        assertThat(mine.candidate().languages()).containsExactly("en", "fr");
        assertThat(mine.candidate().utcOffsetMinutes()).isEqualTo(180);
    }
}
