package org.capacityhub.matching.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.capacityhub.directory.Directory;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.matching.domain.Exchange;
import org.capacityhub.matching.domain.ExchangeRepository;
import org.capacityhub.matching.domain.HelpRequest;
import org.capacityhub.matching.domain.HelpRequestRepository;
import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.domain.ProfileEntry;
import org.capacityhub.matching.domain.ProfileRepository;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.platform.DemoContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The capacity exchange's part of the demo dataset (docs/demo-dataset.md): capacity profiles of demo people and of
 * the National Digital Agency on the GovStack framework's areas (offers, levels, needs), a request by Fatuma
 * Wanjiru, an exchange with Omar Haddad in progress, and Omar's profile saved by Fatuma. Everything is marked as
 * demo data.
 */
@Component
class MatchingDemo implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(MatchingDemo.class);
    private static final String DOMAIN = "@examplia.example";

    private final Directory directory;
    private final Frameworks frameworks;
    private final ProfileRepository profiles;
    private final HelpRequestRepository requests;
    private final ExchangeRepository exchanges;
    private final org.capacityhub.matching.ranking.OfferIndex index;
    private final org.capacityhub.matching.domain.BookmarkRepository bookmarks;

    MatchingDemo(Directory directory, Frameworks frameworks, ProfileRepository profiles,
            HelpRequestRepository requests, ExchangeRepository exchanges,
            org.capacityhub.matching.ranking.OfferIndex index,
            org.capacityhub.matching.domain.BookmarkRepository bookmarks) {
        this.index = index;
        this.bookmarks = bookmarks;
        this.directory = directory;
        this.frameworks = frameworks;
        this.profiles = profiles;
        this.requests = requests;
        this.exchanges = exchanges;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void contribute() {
        Optional<Frameworks.FrameworkVersionRef> govstack = frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.GOVSTACK_SKILLS_ASSESSMENT)).findFirst();
        Optional<Directory.PersonSummary> omar = directory.personByEmail("omar.haddad" + DOMAIN);
        Optional<Directory.PersonSummary> fatuma = directory.personByEmail("fatuma.wanjiru" + DOMAIN);
        if (govstack.isEmpty() || omar.isEmpty() || fatuma.isEmpty()) {
            log.info("Matching demo skipped: no published GovStack framework or no demo people.");
            return;
        }
        long versionId = govstack.get().versionId();
        List<Competency> areas = frameworks.tree(versionId).stream().filter(c -> c.parentId() == null).toList();
        int scale = frameworks.levels(versionId).size();
        int top = scale - 1;
        int middle = Math.max(0, scale / 2);

        Profile mentor = person(omar.get(), Visibility.PUBLIC);
        for (int i = 0; i < Math.min(3, areas.size()); i++) {
            offer(mentor, areas.get(i), scale, top, Set.of(Role.MENTOR, Role.TRAINER), 8,
                    Set.of(Format.ONLINE, Format.IN_PERSON));
        }
        directory.personByEmail("pedro.alves" + DOMAIN).ifPresent(p -> offer(person(p, Visibility.PROGRAMME),
                areas.get(Math.min(1, areas.size() - 1)), scale, middle, Set.of(Role.MENTOR), 4, Set.of(Format.ONLINE)));
        directory.personByEmail("chen.wei" + DOMAIN).ifPresent(p -> {
            Profile chen = person(p, Visibility.PROGRAMME);
            offer(chen, areas.get(Math.min(3, areas.size() - 1)), scale, top, Set.of(Role.PEER_HELPER), 4,
                    Set.of(Format.ONLINE));
            directory.demoOrganisationNamed("National Digital Agency").ifPresent(nda -> {
                Profile agency = Profile.ofOrganisation(nda.id(), nda.label(), p.id());
                agency.describe(List.of("en", "fr"), nda.countryCode(), "Africa/Nairobi", Visibility.PUBLIC);
                agency.markAsDemo();
                profiles.save(agency);
                offer(agency, areas.get(Math.min(2, areas.size() - 1)), scale, top,
                        Set.of(Role.ON_SITE_ASSISTANCE, Role.TRAINER), 16, Set.of(Format.IN_PERSON, Format.BLENDED));
            });
        });
        Profile learner = person(fatuma.get(), Visibility.PROGRAMME);
        want(learner, areas.get(0), scale, 0, top);
        for (String mailbox : List.of("samuel.mensah", "aisha.kamara")) {
            directory.personByEmail(mailbox + DOMAIN).ifPresent(p -> want(person(p, Visibility.PROGRAMME),
                    areas.get(0), scale, 0, middle));
        }

        Competency first = areas.get(0);
        HelpRequest request = new HelpRequest(learner, fatuma.get().id(),
                "Mentoring on " + first.title() + " (demo)",
                "Our department redesigns its e-services and needs guidance (demo request).",
                learner.languageList().isEmpty() ? List.of("en") : learner.languageList(), learner.getTimeZone(),
                Format.ONLINE, HelpRequest.Urgency.NORMAL,
                List.of(new HelpRequest.Wanted(first.id(), first.identifier().toString(), top, scale)), null);
        request.markAsDemo();
        requests.save(request);
        Exchange exchange = new Exchange(request, mentor, first.id(), 4, null, null, fatuma.get().id());
        exchange.write(fatuma.get().id(), "Hello Omar, could you mentor me for two months? (demo message)", true);
        exchanges.save(exchange);
        if (bookmarks.findByPersonIdAndProfileId(fatuma.get().id(), mentor.getId()).isEmpty()) {
            bookmarks.save(new org.capacityhub.matching.domain.Bookmark(fatuma.get().id(), mentor,
                    "Recommended by a colleague; ask about the e-services redesign (demo note)."));
        }
        index.invalidateAfterCommit();
    }

    private Profile person(Directory.PersonSummary p, Visibility visibility) {
        Profile profile = profiles.findByOwnerKey("P:" + p.id()).orElseGet(() -> {
            Profile created = Profile.ofPerson(p.id(), p.organisationId(), p.fullName());
            created.describe(p.languages(), p.countryCode(), p.timeZone(), visibility);
            created.markAsDemo();
            return profiles.save(created);
        });
        return profile;
    }

    private void offer(Profile profile, Competency c, int scale, int rank, Set<Role> roles, int hours,
            Set<Format> formats) {
        ProfileEntry e = profile.entryFor(c.id(), c.identifier().toString(), scale, "SELF");
        e.knows(rank);
        e.offer(roles, hours, formats);
    }

    private void want(Profile profile, Competency c, int scale, int knows, int wants) {
        ProfileEntry e = profile.entryFor(c.id(), c.identifier().toString(), scale, "SELF");
        e.knows(knows);
        e.wants(wants);
    }
}
