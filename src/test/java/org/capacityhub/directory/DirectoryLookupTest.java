package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.capacityhub.directory.account.UserAccountRepository;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** The directory's lookups for other modules. */
@IntegrationTest
class DirectoryLookupTest {

    @Autowired
    Directory directory;

    @Autowired
    DirectoryAccess access;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationContext context;

    @Test
    void looksUpOrganisationsTheirUnitsAndPeople() {
        DirectoryFixtures fixtures = DirectoryFixtures.of(context);
        Organisation ministry = fixtures.ministry("Lookup Ministry");
        Organisation unit = fixtures.unit("Lookup Unit", ministry);
        Organisation subUnit = fixtures.unit("Lookup Sub-unit", unit);
        Person person = fixtures.person("Lookup Person", unit);

        assertThat(directory.organisation(unit.getId())).get().satisfies(o -> {
            assertThat(o.name()).isEqualTo(unit.getName());
            assertThat(o.parentId()).isEqualTo(ministry.getId());
            assertThat(o.type()).isEqualTo("DEPARTMENT");
        });
        assertThat(directory.organisation(987654321L)).isEmpty();
        assertThat(directory.organisationAndUnits(ministry.getId()))
                .containsExactlyInAnyOrder(ministry.getId(), unit.getId(), subUnit.getId());
        assertThat(directory.organisations(List.of(subUnit.getId(), ministry.getId(), 987654321L)))
                .extracting(Directory.OrganisationSummary::id)
                .containsExactlyInAnyOrder(ministry.getId(), subUnit.getId());
        assertThat(directory.person(person.getId())).get()
                .satisfies(p -> assertThat(p.organisationId()).isEqualTo(unit.getId()));
        assertThat(directory.peopleOf(unit.getId())).extracting(Directory.PersonSummary::id)
                .containsExactly(person.getId());
    }

    @Test
    void coordinatableOrganisationsAreExactlyThoseTheUserMayCoordinate() {
        DirectoryFixtures fixtures = DirectoryFixtures.of(context);
        Organisation ministry = fixtures.ministry("Coordinated Ministry");
        Organisation unit = fixtures.unit("Coordinated Unit", ministry);
        Organisation member = fixtures.ministry("Programme Member");
        Organisation elsewhere = fixtures.ministry("Not Coordinated");
        Person focal = fixtures.person("Focal", ministry);
        fixtures.focalPoint(ministry, focal);
        Person coordinator = fixtures.person("Coordinator", null);
        fixtures.programme("Coordinated Programme", List.of(member), List.of(coordinator));
        Actor focalPoint = fixtures.account(focal);
        Actor programmeCoordinator = fixtures.account(coordinator);
        Actor plainMember = fixtures.memberOf(elsewhere);
        List<Long> all = List.of(ministry.getId(), unit.getId(), member.getId(), elsewhere.getId());

        assertThat(as(focalPoint, this::coordinatableIds)).contains(ministry.getId(), unit.getId())
                .doesNotContain(member.getId(), elsewhere.getId());
        assertThat(as(programmeCoordinator, this::coordinatableIds)).contains(member.getId())
                .doesNotContain(ministry.getId(), unit.getId(), elsewhere.getId());
        // a member sees their organisation but does not coordinate it
        assertThat(as(plainMember, this::coordinatableIds)).doesNotContainAnyElementsOf(all);
        assertThat(as(fixtures.admin(), this::coordinatableIds)).containsAll(all);
        assertThat(coordinatableIds()).as("nobody signed in").isEmpty();

        // the same answer as canCoordinate, for everyone
        for (Actor actor : List.of(focalPoint, programmeCoordinator, plainMember, fixtures.admin())) {
            as(actor, () -> {
                List<Long> listed = coordinatableIds();
                for (long id : all) {
                    assertThat(listed.contains(id)).as("%s, organisation %s", actor.username(), id)
                            .isEqualTo(access.canCoordinate(id));
                    assertThat(access.coordinatableOrganisationIds().contains(id)).isEqualTo(access.canCoordinate(id));
                }
                return null;
            });
        }
        assertThat(as(focalPoint, directory::coordinatableOrganisations))
                .filteredOn(o -> all.contains(o.id())).extracting(Directory.OrganisationSummary::name)
                .isSorted();
    }

    @Test
    void peopleWhoCanSignInHaveAnEnabledAccount() {
        DirectoryFixtures fixtures = DirectoryFixtures.of(context);
        Organisation ministry = fixtures.ministry("Sign-in Ministry");
        Person withAccount = fixtures.person("Zed With Account", ministry);
        Person disabled = fixtures.person("Disabled Account", ministry);
        Person withoutAccount = fixtures.person("Without Account", ministry);
        fixtures.account(withAccount);
        Actor disabledActor = fixtures.account(disabled);
        transaction.executeWithoutResult(status -> accounts.findById(disabledActor.accountId()).orElseThrow()
                .enable(false));

        List<Long> signIn = directory.peopleWhoCanSignIn().stream().map(Directory.PersonSummary::id).toList();
        assertThat(signIn).contains(withAccount.getId()).doesNotContain(disabled.getId(), withoutAccount.getId());
        assertThat(directory.peopleWhoCanSignIn()).extracting(p -> p.fullName().toLowerCase())
                .isSortedAccordingTo(String::compareTo);
        assertThat(directory.whoCanSignIn(List.of(withAccount.getId(), disabled.getId(), withoutAccount.getId(),
                987654321L))).containsExactly(withAccount.getId());
        assertThat(directory.whoCanSignIn(List.of())).isEmpty();
    }

    @Test
    void peopleByIdAndByEmailAndDemoOrganisationsByName() {
        DirectoryFixtures fixtures = DirectoryFixtures.of(context);
        Organisation ministry = fixtures.ministry("People Ministry");
        Person b = fixtures.person("Bertha", ministry);
        Person a = fixtures.person("Aaron", null);

        assertThat(directory.people(List.of(b.getId(), a.getId(), 987654321L)))
                .extracting(Directory.PersonSummary::id).containsExactly(a.getId(), b.getId());
        assertThat(directory.people(List.of())).isEmpty();
        assertThat(directory.personByEmail("  " + b.getEmail().toUpperCase() + " ")).get()
                .extracting(Directory.PersonSummary::id).isEqualTo(b.getId());
        assertThat(directory.personByEmail("nobody." + DirectoryFixtures.unique() + "@test.example")).isEmpty();
        assertThat(directory.personByEmail(null)).isEmpty();

        String name = "Demo Ministry " + DirectoryFixtures.unique();
        Organisation notDemo = transaction.execute(status -> context.getBean(
                org.capacityhub.directory.organisation.OrganisationRepository.class).save(
                        new Organisation(name, org.capacityhub.directory.organisation.OrganisationType.MINISTRY,
                                "KE")));
        assertThat(directory.demoOrganisationNamed(name)).as("not demo data").isEmpty();
        Organisation demo = transaction.execute(status -> {
            Organisation o = new Organisation(name, org.capacityhub.directory.organisation.OrganisationType.MINISTRY,
                    "KE");
            o.markAsDemo();
            return context.getBean(org.capacityhub.directory.organisation.OrganisationRepository.class).save(o);
        });
        assertThat(directory.demoOrganisationNamed(name)).get().satisfies(o -> {
            assertThat(o.id()).isEqualTo(demo.getId()).isNotEqualTo(notDemo.getId());
            assertThat(o.demo()).isTrue();
        });
        assertThat(directory.organisation(ministry.getId())).get()
                .satisfies(o -> assertThat(o.label()).isEqualTo(ministry.getName()));
    }

    private List<Long> coordinatableIds() {
        return directory.coordinatableOrganisations().stream().map(Directory.OrganisationSummary::id).toList();
    }

    private static <T> T as(Actor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                actor.principal(), null, actor.principal().getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
