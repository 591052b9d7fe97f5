package org.capacityhub.matching;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.domain.ProfileService;
import org.capacityhub.matching.domain.RequestService;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Matching test data, with unique names (the test database is shared and never cleaned). */
class MatchingFixtures {

    final DirectoryFixtures directory;
    final ProfileService profiles;
    final RequestService requests;
    final Frameworks frameworks;

    MatchingFixtures(ApplicationContext context) {
        directory = DirectoryFixtures.of(context);
        profiles = context.getBean(ProfileService.class);
        requests = context.getBean(RequestService.class);
        frameworks = context.getBean(Frameworks.class);
    }

    Frameworks.FrameworkVersionRef govstack() {
        return frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.GOVSTACK_SKILLS_ASSESSMENT)).findFirst()
                .orElseThrow();
    }

    /** The n-th top-level competency (section) of the GovStack framework. */
    long section(int n) {
        return frameworks.tree(govstack().versionId()).stream().filter(c -> c.parentId() == null).toList().get(n)
                .id();
    }

    /** A signed-in member of a new organisation. */
    Actor member(String org) {
        return directory.memberOf(directory.ministry(org));
    }

    /**
     * The actor's own profile, offering the competency as mentor at a level, in these languages, from Kenya, with
     * this visibility.
     */
    Profile helper(Actor actor, long competencyId, int level, Visibility visibility, String... languages) {
        return as(actor, () -> {
            Profile p = profiles.mine();
            profiles.describe(p.getId(), List.of(languages), "KE", "Africa/Nairobi", visibility);
            profiles.saveEntry(p.getId(), competencyId, level, Set.of(Role.MENTOR), 6, Set.of(Format.ONLINE), null);
            return profiles.visible(p.getId());
        });
    }

    Profile learner(Actor actor, long competencyId, int wants, String... languages) {
        return as(actor, () -> {
            Profile p = profiles.mine();
            profiles.describe(p.getId(), List.of(languages), "KE", "Africa/Nairobi", Visibility.PROGRAMME);
            profiles.saveEntry(p.getId(), competencyId, 0, Set.of(), null, Set.of(), wants);
            return profiles.visible(p.getId());
        });
    }

    long request(Actor actor, long competencyId, String... languages) {
        return as(actor, () -> requests.create(new RequestService.RequestInput(null, "Help " + DirectoryFixtures.unique(),
                null, List.of(new RequestService.WantedInput(competencyId, 1)), List.of(languages), "Africa/Nairobi",
                null, null, null)).getId());
    }

    static <T> T as(Actor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                actor.principal(), null, actor.principal().getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    Organisation ministry(String name) {
        return directory.ministry(name);
    }
}
