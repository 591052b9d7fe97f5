package org.capacityhub.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.capacityhub.framework.domain.Changelog;
import org.capacityhub.framework.domain.FrameworkService;
import org.capacityhub.framework.domain.FrameworkVersion;
import org.capacityhub.framework.domain.FrameworkVersionRepository;
import org.capacityhub.framework.domain.Texts;
import org.capacityhub.framework.exchange.Assembler;
import org.capacityhub.framework.exchange.FrameworkData;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** Published versions never change: editing works on a new draft that copies them. */
@IntegrationTest
@WithUserDetails("admin")
class FrameworkVersioningTest {

    @Autowired
    FrameworkService service;
    @Autowired
    FrameworkVersionRepository versions;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theBuiltInFrameworksAreLoadedAndPublished() {
        FrameworkVersion govstack = service.version(Frameworks.GOVSTACK_SKILLS_ASSESSMENT, null);
        assertThat(govstack.isPublished()).isTrue();
        assertThat(govstack.getNodes()).hasSize(8);
        FrameworkVersion unesco = service.version(Frameworks.UNESCO_DIGITAL_COMPETENCIES, null);
        assertThat(unesco.getNodes()).hasSize(3 + 14);
        assertThat(unesco.getLevels()).extracting(l -> l.getTitle().in("en", "en"))
                .containsExactly("Basic", "Moderate", "High");
    }

    @Test
    void editingCreatesADraftAndNeverChangesThePublishedVersion() {
        UUID id = service.create(sample("Versioning " + UUID.randomUUID()), true, false).identifier();
        FrameworkData before = transaction.execute(s -> Assembler.read(service.version(id, 1)));

        FrameworkVersion draft = service.newDraft(id);
        assertThat(draft.getNumber()).isEqualTo(2);
        assertThat(draft.isDraft()).isTrue();
        UUID nodeId = before.nodes().get(1).identifier();
        service.editNode(id, nodeId, new FrameworkService.NodeEdit("A.1", Map.of("en", "Changed title", "fr", "Titre"),
                null, Map.of("en", "New description"), null, null, null));
        service.addNode(id, null, new FrameworkService.NodeEdit("B", Map.of("en", "Added area"), null, null, null,
                null, null));

        FrameworkData after = transaction.execute(s -> Assembler.read(service.version(id, 1)));
        assertThat(after).isEqualTo(before);

        Changelog log = service.changelog(id, 1, 2);
        assertThat(log.changes()).extracting(Changelog.Change::kind, Changelog.Change::label)
                .contains(org.assertj.core.groups.Tuple.tuple(Changelog.Kind.ADDED, "B Added area"),
                        org.assertj.core.groups.Tuple.tuple(Changelog.Kind.CHANGED, "A.1 Changed title"));

        service.publish(id);
        assertThat(service.version(id, null).getNumber()).isEqualTo(2);
    }

    @Test
    void aDraftsTreeIsEditedMovedAndPrunedThenPublished() {
        FrameworkData data = sample("Tree edits " + UUID.randomUUID());
        UUID id = service.create(data, true, false).identifier();
        service.newDraft(id);
        UUID area = data.nodes().get(0).identifier();
        UUID competency = data.nodes().get(1).identifier();
        UUID second = service.addNode(id, null, new FrameworkService.NodeEdit("B", Map.of("en", "Second area"), null,
                null, null, "Area", null)).getIdentifier();
        service.moveNode(id, competency, second, 0);
        assertThatThrownBy(() -> service.moveNode(id, second, competency, 0)).isInstanceOf(InvalidInputException.class);
        service.shiftNode(id, second, -1);
        FrameworkData moved = transaction.execute(s -> Assembler.read(service.version(id, 2)));
        assertThat(moved.nodes()).extracting(FrameworkData.NodeData::code).containsExactly("B", "A.1", "A");
        assertThat(moved.nodes().get(1).parent()).isEqualTo(second);

        // deleting an area deletes what is under it, descriptors included
        service.deleteNode(id, second);
        service.removeLevel(id, data.scale().levels().get(0).identifier());
        service.publish(id);
        FrameworkData published = transaction.execute(s -> Assembler.read(service.version(id, 2)));
        assertThat(published.nodes()).extracting(FrameworkData.NodeData::identifier).containsExactly(area);
        assertThat(published.scale().levels()).hasSize(1);
        assertThat(service.changelog(id, 1, 2).changes()).extracting(Changelog.Change::kind)
                .contains(Changelog.Kind.REMOVED);
        FrameworkData first = transaction.execute(s -> Assembler.read(service.version(id, 1)));
        assertThat(first).isEqualTo(data);
    }

    @Test
    void thePublishedEntityRefusesChangesWhateverThePath() {
        UUID id = service.create(sample("Immutable " + UUID.randomUUID()), true, false).identifier();
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            FrameworkVersion v = versions.findAllOf(id).get(0);
            v.getNodes().get(0).setTitle(Texts.of("en", "Sneaky"));
        })).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            FrameworkVersion v = versions.findAllOf(id).get(0);
            v.getLevels().get(0).edit("X", Texts.of("en", "Sneaky"), null);
        })).isInstanceOf(ConflictException.class);
        assertThat(service.version(id, 1).getNodes().get(0).getTitle().in("en", "en")).isNotEqualTo("Sneaky");
    }

    @Test
    void textsFallBackToTheFrameworkLanguage() {
        Texts texts = Texts.of(Map.of("en", "Systems thinking", "fr", "Pensée systémique"));
        assertThat(texts.in("fr", "en")).isEqualTo("Pensée systémique");
        assertThat(texts.in("de", "en")).isEqualTo("Systems thinking");
        assertThat(Texts.of("fr", "Seulement").in("en", "fr")).isEqualTo("Seulement");
        assertThat(Texts.of(Map.of("en", "Only English")).in("fr", "en")).isEqualTo("Only English");
    }

    static FrameworkData sample(String title) {
        UUID low = UUID.randomUUID();
        UUID high = UUID.randomUUID();
        UUID area = UUID.randomUUID();
        UUID competency = UUID.randomUUID();
        return new FrameworkData(UUID.randomUUID(), "en", "1.0", Map.of("en", title, "fr", title + " (fr)"),
                "Test publisher", null, "CC BY 4.0", Map.of("en", "A test framework"), null, null,
                new FrameworkData.Scale(UUID.randomUUID(), Map.of("en", "Scale"), Map.of(),
                        List.of(new FrameworkData.LevelData(low, "L", Map.of("en", "Low"), Map.of()),
                                new FrameworkData.LevelData(high, "H", Map.of("en", "High"), Map.of()))),
                List.of(new FrameworkData.NodeData(area, null, "A", Map.of("en", "Area"), null, null, null, "Area",
                                null, null, null, null, null),
                        new FrameworkData.NodeData(competency, area, "A.1", Map.of("en", "Competency", "fr", "Compétence"),
                                null, Map.of("en", "What it is"), List.of("one", "two"), "Competency", null, null, null,
                                List.of(new FrameworkData.DescriptorData(low, Map.of("en", "Low statement")),
                                        new FrameworkData.DescriptorData(high, Map.of("en", "High statement 1")),
                                        new FrameworkData.DescriptorData(high, Map.of("en", "High statement 2"))),
                                List.of(Map.of("en", "What do you do?")))),
                List.of());
    }
}
