package org.capacityhub.assessment;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.DetailsInput;
import org.capacityhub.directory.account.ApiTokens;
import org.capacityhub.directory.account.UserAccount;
import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.directory.programme.ProgrammeRepository;
import org.capacityhub.framework.Frameworks;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data for assessments, with unique names (the test database is shared and never cleaned): organisations,
 * people with accounts, programmes, and assessments of the built-in GovStack framework. Made from the shared
 * context (not a bean, so that the context stays the same for every test class).
 */
class AssessmentFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** Someone who can sign in. */
    record Actor(long personId, long accountId, String username, UserDetails principal) {
        RequestPostProcessor user() {
            return SecurityMockMvcRequestPostProcessors.user(principal);
        }
    }

    final OrganisationRepository organisations;
    final PersonRepository people;
    final ProgrammeRepository programmes;
    final UserAccountRepository accounts;
    final UserDetailsService users;
    final ApiTokens tokens;
    final TransactionTemplate transaction;
    final AssessmentService service;
    final Frameworks frameworks;

    final ApplicationContext context;

    AssessmentFixtures(ApplicationContext context) {
        this.context = context;
        organisations = context.getBean(OrganisationRepository.class);
        people = context.getBean(PersonRepository.class);
        programmes = context.getBean(ProgrammeRepository.class);
        accounts = context.getBean(UserAccountRepository.class);
        users = context.getBean(UserDetailsService.class);
        tokens = context.getBean(ApiTokens.class);
        transaction = context.getBean(TransactionTemplate.class);
        service = context.getBean(AssessmentService.class);
        frameworks = context.getBean(Frameworks.class);
    }

    static String unique() {
        return Long.toString(SEQUENCE.incrementAndGet(), 36);
    }

    Organisation ministry(String name) {
        return organisations.save(new Organisation(name + " " + unique(), OrganisationType.MINISTRY, "KE"));
    }

    Actor person(String name, Organisation organisation) {
        String suffix = unique();
        Person person = people.save(new Person(name + " " + suffix, "p" + suffix + "@example.org", organisation));
        UserAccount account = accounts.save(new UserAccount("user" + suffix, person));
        return new Actor(person.getId(), account.getId(), account.getUsername(),
                users.loadUserByUsername(account.getUsername()));
    }

    /** Gives the actor's account a password, to sign in through the form (browser tests). */
    void password(Actor actor, String password) {
        var encoder = context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class);
        transaction.executeWithoutResult(s -> accounts.findById(actor.accountId()).orElseThrow()
                .choosePassword(encoder.encode(password)));
    }

    Actor focalPoint(Organisation organisation) {
        Actor actor = person("Focal point", organisation);
        transaction.executeWithoutResult(s -> {
            Organisation o = organisations.findById(organisation.getId()).orElseThrow();
            o.addFocalPoint(people.findById(actor.personId()).orElseThrow());
        });
        return actor;
    }

    Actor coordinatorOf(Organisation... members) {
        Actor actor = person("Coordinator", null);
        transaction.executeWithoutResult(s -> {
            Programme programme = new Programme("Programme " + unique());
            for (Organisation member : members) {
                programme.addMember(organisations.findById(member.getId()).orElseThrow());
            }
            programme.addCoordinator(people.findById(actor.personId()).orElseThrow());
            programmes.save(programme);
        });
        return actor;
    }

    String bearer(Actor actor) {
        return "Bearer " + tokens.create(actor.accountId(), "test " + unique(), null).secret();
    }

    Frameworks.FrameworkVersionRef govstack() {
        return frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.GOVSTACK_SKILLS_ASSESSMENT)).findFirst()
                .orElseThrow();
    }

    Frameworks.FrameworkVersionRef unesco() {
        return frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.UNESCO_DIGITAL_COMPETENCIES)).findFirst()
                .orElseThrow();
    }

    /** A GovStack assessment of the organisation created by {@code creator}, with these facilitators. */
    long assessment(Actor creator, Organisation organisation, Actor... facilitators) {
        return as(creator, () -> service.create(organisation.getId(), govstack().versionId(),
                new DetailsInput(java.time.LocalDate.of(2026, 3, 1), Delivery.IN_PERSON, "Room 4", "Training plan",
                        java.util.Arrays.stream(facilitators).map(Actor::personId)
                                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)),
                        List.of(new DetailsInput.ParticipantInput("Participant " + unique(), "ICT officer", true)))));
    }

    /** A final GovStack assessment of the organisation by {@code actor}, held that day, every section at {@code rank}. */
    long finalAssessment(Actor actor, Organisation organisation, java.time.LocalDate heldOn, int rank) {
        return as(actor, () -> {
            long id = service.create(organisation.getId(), govstack().versionId(),
                    new DetailsInput(heldOn, Delivery.ONLINE, null, null, java.util.Set.of(), List.of()));
            var detail = service.detail(id);
            long level = detail.levels().get(rank).id();
            for (var section : detail.sections()) {
                service.answer(id, section.competencyId(), section.version(),
                        new AnswerInput(level, null, List.of(), null, List.of()));
            }
            service.submit(id);
            return id;
        });
    }

    /** A programme of these member organisations (no coordinator). */
    Programme programme(List<Organisation> members) {
        return transaction.execute(s -> {
            Programme p = new Programme("Programme " + unique());
            for (Organisation o : members) {
                p.addMember(organisations.findById(o.getId()).orElseThrow());
            }
            return programmes.save(p);
        });
    }

    /** Rates every section at the lowest level, as {@code actor}. */
    void rateAll(Actor actor, long assessmentId) {
        as(actor, () -> {
            var detail = service.detail(assessmentId);
            long lowest = detail.levels().get(0).id();
            for (var section : detail.sections()) {
                service.answer(assessmentId, section.competencyId(), section.version(),
                        new AnswerInput(lowest, "Notes " + section.number(), List.of(), null, List.of()));
            }
            return null;
        });
    }

    /** Runs {@code work} signed in as {@code actor} (for service calls outside MockMvc). */
    <T> T as(Actor actor, java.util.function.Supplier<T> work) {
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
