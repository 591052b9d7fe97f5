package org.capacityhub.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The module's public API, as assessment, planning, library and matching use it. */
@IntegrationTest
class FrameworksApiTest {

    @Autowired
    Frameworks frameworks;

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
}
