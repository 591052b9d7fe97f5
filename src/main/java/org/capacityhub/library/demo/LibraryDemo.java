package org.capacityhub.library.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.capacityhub.directory.Directory;
import org.capacityhub.directory.Directory.PersonSummary;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.ResourceRepository;
import org.capacityhub.library.domain.ResourceVersion;
import org.capacityhub.library.domain.ResourceVersionRepository;
import org.capacityhub.library.domain.Series;
import org.capacityhub.library.domain.SeriesRepository;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.planning.Cost;
import org.capacityhub.platform.DemoContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The library's part of the demo dataset: a handful of published resources whose content is drawn from the source
 * documents (GovStack's capacity-building framework, the UNESCO coalition's plans), each labelled "(demo)",
 * written by the demo focal point of the Ministry of Digital Economy and reviewed by the demo programme
 * coordinator; and the coalition's knowledge blog series with a first post. No figures are invented.
 */
@Component
class LibraryDemo implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(LibraryDemo.class);
    private static final String AUTHOR = "jb.moreau@examplia.example";
    private static final String REVIEWER = "amina.diallo@examplia.example";

    private final Directory directory;
    private final Frameworks frameworks;
    private final ResourceRepository resources;
    private final ResourceVersionRepository versions;
    private final SeriesRepository series;

    LibraryDemo(Directory directory, Frameworks frameworks, ResourceRepository resources,
            ResourceVersionRepository versions, SeriesRepository series) {
        this.directory = directory;
        this.frameworks = frameworks;
        this.resources = resources;
        this.versions = versions;
        this.series = series;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void contribute() {
        Optional<PersonSummary> author = directory.personByEmail(AUTHOR);
        Optional<PersonSummary> reviewer = directory.personByEmail(REVIEWER);
        if (author.isEmpty() || reviewer.isEmpty() || resources.existsByDemoTrue()) {
            log.info("Demo library skipped: no demo people, or already loaded.");
            return;
        }
        List<Competency> govstack = sections(Frameworks.GOVSTACK_SKILLS_ASSESSMENT);
        List<Competency> unesco = sections(Frameworks.UNESCO_DIGITAL_COMPETENCIES);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Resource km = publish(resource(author.get(), ResourceKind.GUIDELINE,
                "The knowledge management cycle in digital government (demo)",
                "How a government team identifies, creates, shares, stores and uses knowledge about its digital "
                        + "services, following GovStack's capacity-building framework (demo).",
                "Digital government services require a robust and active knowledge management cycle: information is "
                        + "identified, created, shared, stored and utilised. It relies on three critical pieces: people, "
                        + "process and technology. Sharing knowledge leads to innovation and improves the quality of "
                        + "work, so that the organisation keeps learning.",
                "en", pick(govstack, "change"), null, now), reviewer.get(), now);
        Resource kmFr = publish(resource(author.get(), ResourceKind.GUIDELINE,
                "Le cycle de gestion des connaissances dans l'administration numérique (démo)",
                "Comment une équipe publique identifie, crée, partage, conserve et utilise les connaissances sur ses "
                        + "services numériques, selon le cadre de renforcement des capacités de GovStack (démo).",
                null, "fr", pick(govstack, "change"), null, now), reviewer.get(), now);
        kmFr.linkTranslationOf(km);
        km.setLanguages(Set.of("fr"));

        publish(resource(author.get(), ResourceKind.TEMPLATE,
                "Session plan template following adult-learning principles (demo)",
                "A plan for a training session that states its learning objectives and collects participants' "
                        + "expectations before the session, as GovStack's adult-learning rules ask (demo).",
                "Adults need to know why they are learning something; their life experience is a rich resource for "
                        + "learning, drawn on through pairing exercises, group discussion and problem solving.",
                "en", pick(unesco, null), 0, now), reviewer.get(), now);

        Resource practice = resource(author.get(), ResourceKind.CASE_STUDY,
                "Mapping the e-services of several ministries before redesigning them (demo)",
                "A good practice from the fictional Republic of Examplia, written with the coalition's use-case "
                        + "template (demo).", null, "en", pick(govstack, "system"), 1, now);
        practice.describeUseCase(
                "The Ministry of Digital Economy (demo) runs e-services designed one by one by different ministries.",
                "No shared picture of the ecosystem: citizens fill in the same data several times (demo).",
                "Workshops with each ministry mapped its services and data, using systems thinking (demo).",
                "A shared map of services, used to choose the first services to redesign together (demo).",
                "Start with the services citizens use most; involve the data owners early (demo).",
                "Digital Transformation Directorate, Ministry of Digital Economy (demo)");
        publish(practice, reviewer.get(), now);

        publish(resource(author.get(), ResourceKind.GLOSSARY,
                "Building block: a shared definition (demo)",
                "A building block is a reusable software component that provides a common digital function, such "
                        + "as identity, payments or messaging, so that services need not rebuild it (demo).",
                null, "en", pick(govstack, "architecture"), null, now), reviewer.get(), now);

        Series blog = new Series("Digital capacity-building coalition knowledge blog (demo)",
                "A monthly blog series where coalition members share their approaches and good practices in digital "
                        + "capacity building (demo).", "en", author.get().organisationId(), author.get().id(), now);
        blog.markDemo();
        series.save(blog);
        Resource post = resource(author.get(), ResourceKind.BLOG_POST,
                "Why we share good practices as concrete use cases (demo)",
                "Governments learn from each other's experience when good practices come as concrete use cases: "
                        + "the context, the challenge, the approach, the results and the lessons (demo).",
                null, "en", pick(unesco, null), null, now);
        post.placeInSeries(blog);
        publish(post, reviewer.get(), now);
    }

    private List<Competency> sections(java.util.UUID framework) {
        return frameworks.publishedFrameworks().stream().filter(v -> v.frameworkIdentifier().equals(framework))
                .findFirst().map(v -> frameworks.tree(v.versionId())).orElse(List.of());
    }

    /** The first competency whose title contains the word (or the first with a parent), or none. */
    private static Set<Long> pick(List<Competency> competencies, String word) {
        return competencies.stream()
                .filter(c -> word == null ? c.parentId() != null : c.title().toLowerCase().contains(word))
                .findFirst().map(c -> Set.of(c.id())).orElse(Set.of());
    }

    private Resource resource(PersonSummary author, ResourceKind kind, String title, String summary, String cover,
            String language, Set<Long> competencies, Integer level, Instant now) {
        Resource r = new Resource(kind, title, language, author.id(), author.organisationId(), now);
        r.describe(kind, title, summary, cover, language, "XE", null, Delivery.ONLINE, null, Cost.FREE, "CC-BY-4.0",
                null, Visibility.PUBLIC, competencies.isEmpty() ? null : level, Set.of(), now);
        Set<Long> scope = new LinkedHashSet<>(competencies);
        for (Long id : competencies) {
            Long parent = frameworks.competency(id).map(Competency::parentId).orElse(null);
            while (parent != null) {
                scope.add(parent);
                parent = frameworks.competency(parent).map(Competency::parentId).orElse(null);
            }
        }
        r.tag(competencies, scope);
        r.markDemo();
        return r;
    }

    private Resource publish(Resource r, PersonSummary reviewer, Instant now) {
        r.submitForReview(Set.of(reviewer.id()), now);
        r.publish(now);
        resources.save(r);
        versions.save(new ResourceVersion(r, reviewer.id(), now));
        return r;
    }
}
