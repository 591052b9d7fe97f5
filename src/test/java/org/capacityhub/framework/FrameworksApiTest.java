package org.capacityhub.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.capacityhub.framework.domain.FrameworkService;
import org.capacityhub.framework.exchange.FrameworkData;

import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/** The module's public API, as assessment, planning, library and matching use it. */
@IntegrationTest
class FrameworksApiTest {

    @Autowired
    Frameworks frameworks;

    @Autowired
    FrameworkService service;

    @Test
    void competenciesTheirDescendantsLevelsAndCrosswalks() {
        Frameworks.FrameworkVersionRef unesco = frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.UNESCO_DIGITAL_COMPETENCIES)).findFirst()
                .orElseThrow();
        List<Frameworks.Competency> tree = frameworks.tree(unesco.versionId());
        Frameworks.Competency planning = tree.get(0);
        assertThat(planning.title()).isEqualTo("Digital Planning and Design");
        assertThat(frameworks.descendants(planning.id())).extracting(Frameworks.Competency::title)
                .containsExactly("systems thinking", "problem identification and solutions", "strategic foresight",
                        "agile strategy");
        assertThat(frameworks.levels(unesco.versionId())).extracting(Frameworks.ScaleLevel::title)
                .containsExactly("Basic", "Moderate", "High");

        Frameworks.Competency systemsThinking = tree.get(1);
        assertThat(frameworks.competency(systemsThinking.id())).contains(systemsThinking);
        assertThat(frameworks.latestPublished(systemsThinking.identifier())).contains(systemsThinking);
        // crosswalks work in both directions: the link is stored in GovStack, asked from UNESCO
        assertThat(frameworks.related(systemsThinking.id())).extracting(r -> r.related().title())
                .contains("Using systems thinking and design thinking");

        Frameworks.FrameworkVersionRef govstack = frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.GOVSTACK_SKILLS_ASSESSMENT)).findFirst()
                .orElseThrow();
        Frameworks.Competency section1 = frameworks.tree(govstack.versionId()).get(0);
        assertThat(frameworks.related(section1.id())).extracting(Frameworks.Related::type, r -> r.related().title())
                .contains(org.assertj.core.groups.Tuple.tuple("isRelatedTo", "systems thinking"));
        assertThat(frameworks.descriptors(section1.id())).extracting(Frameworks.LevelDescriptor::statements)
                .element(2).asList().hasSize(2);
    }

    @Test
    void govStackCarriesTheScriptsFacilitationGuideSubjectsAndScale() {
        Frameworks.FrameworkVersionRef govstack = frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.GOVSTACK_SKILLS_ASSESSMENT)).findFirst()
                .orElseThrow();
        Frameworks.FacilitationGuide guide = frameworks.guide(govstack.versionId()).orElseThrow();
        assertThat(guide.introduction()).startsWith("Thank you for agreeing to be part of this focus group meeting.");
        assertThat(guide.definitions()).contains("capacity building is defined as the process");
        assertThat(guide.instructions()).startsWith("In relation to this focus group discussion:");

        List<Frameworks.Competency> sections = frameworks.tree(govstack.versionId());
        assertThat(sections.get(0).subject()).isEqualTo("(Design and Systems thinking)");
        assertThat(sections.get(1).subject()).isEqualTo("(Agile Methodology)");
        assertThat(frameworks.competency(sections.get(1).id())).get().extracting(Frameworks.Competency::subject)
                .isEqualTo("(Agile Methodology)");
        // the script leaves the supporting-question slot empty
        assertThat(frameworks.supportingQuestions(sections.get(0).id())).isEmpty();
        assertThat(govstack.scaleTitle()).isEqualTo("Benchmark of Capacity");
        assertThat(govstack.description()).startsWith("This script is intended to be used as a protocol");
    }

    @Test
    void guideSupportingQuestionsAndScaleInTheUsersLanguageWithFallback() {
        UUID level = UUID.randomUUID();
        UUID competency = UUID.randomUUID();
        String title = "Guided framework " + UUID.randomUUID();
        FrameworkData data = new FrameworkData(UUID.randomUUID(), "en", "1.0", Map.of("en", title), "Test", null,
                null, Map.of("en", "Why"), null,
                new FrameworkData.Guide(Map.of("en", "Welcome everyone.", "fr", "Bienvenue à tous."),
                        Map.of("en", "Capacity means..."), Map.of("en", "Read each section aloud.",
                                "fr", "Lisez chaque section à voix haute.")),
                new FrameworkData.Scale(UUID.randomUUID(), Map.of("en", "Maturity", "fr", "Maturité"),
                        Map.of("en", "The platform's three-level scale."),
                        List.of(new FrameworkData.LevelData(level, "L", Map.of("en", "Low"), Map.of()))),
                List.of(new FrameworkData.NodeData(competency, null, "1", Map.of("en", "Working in teams"),
                        Map.of("en", "(Teamwork)", "fr", "(Travail en équipe)"), null, null, "Competency", null,
                        null, null, null, List.of(Map.of("en", "Who decides?", "fr", "Qui décide ?"),
                                Map.of("en", "How do you share work?")))),
                List.of());
        long versionId = service.createUnchecked(data, true, false).versionId();
        long competencyId = frameworks.tree(versionId).get(0).id();

        Locale previous = LocaleContextHolder.getLocale();
        try {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(frameworks.guide(versionId)).contains(new Frameworks.FacilitationGuide("Welcome everyone.",
                    "Capacity means...", "Read each section aloud."));
            assertThat(frameworks.supportingQuestions(competencyId))
                    .containsExactly("Who decides?", "How do you share work?");
            assertThat(frameworks.competency(competencyId).orElseThrow().subject()).isEqualTo("(Teamwork)");
            assertThat(frameworks.version(versionId).orElseThrow())
                    .extracting(Frameworks.FrameworkVersionRef::scaleTitle,
                            Frameworks.FrameworkVersionRef::scaleDescription)
                    .containsExactly("Maturity", "The platform's three-level scale.");

            LocaleContextHolder.setLocale(Locale.FRENCH);
            // French where translated, the framework's language otherwise
            assertThat(frameworks.guide(versionId)).contains(new Frameworks.FacilitationGuide("Bienvenue à tous.",
                    "Capacity means...", "Lisez chaque section à voix haute."));
            assertThat(frameworks.supportingQuestions(competencyId))
                    .containsExactly("Qui décide ?", "How do you share work?");
            assertThat(frameworks.competency(competencyId).orElseThrow().subject()).isEqualTo("(Travail en équipe)");
            assertThat(frameworks.version(versionId).orElseThrow().scaleTitle()).isEqualTo("Maturité");
        } finally {
            LocaleContextHolder.setLocale(previous);
        }

        // no guide, no questions, unknown ids: empty, never an error
        FrameworkData bare = new FrameworkData(UUID.randomUUID(), "en", "1.0", Map.of("en", "Bare " + title), null,
                null, null, null, null, null, new FrameworkData.Scale(UUID.randomUUID(), Map.of(), Map.of(),
                        List.of(new FrameworkData.LevelData(UUID.randomUUID(), "L", Map.of("en", "Low"), Map.of()))),
                List.of(new FrameworkData.NodeData(UUID.randomUUID(), null, "1", Map.of("en", "Only"), null, null,
                        null, "Competency", null, null, null, null, null)),
                List.of());
        long bareVersion = service.createUnchecked(bare, true, false).versionId();
        assertThat(frameworks.guide(bareVersion)).isEmpty();
        assertThat(frameworks.tree(bareVersion).get(0).subject()).isNull();
        assertThat(frameworks.supportingQuestions(frameworks.tree(bareVersion).get(0).id())).isEmpty();
        assertThat(frameworks.guide(987654321L)).isEmpty();
        assertThat(frameworks.supportingQuestions(987654321L)).isEmpty();
    }
}
