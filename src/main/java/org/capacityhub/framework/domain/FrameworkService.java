package org.capacityhub.framework.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.capacityhub.framework.exchange.Assembler;
import org.capacityhub.framework.exchange.FrameworkData;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Frameworks and their versions: reading with access rules, creating (also by import), editing drafts, publishing
 * and the changelog. Every write is refused unless the current user may edit frameworks.
 */
@Service
@Transactional
public class FrameworkService {

    private final FrameworkRepository frameworks;
    private final FrameworkVersionRepository versions;
    private final FrameworkAccess access;
    private final EntityManager entityManager;

    FrameworkService(FrameworkRepository frameworks, FrameworkVersionRepository versions, FrameworkAccess access,
            EntityManager entityManager) {
        this.frameworks = frameworks;
        this.versions = versions;
        this.access = access;
        this.entityManager = entityManager;
    }

    /** One framework as the list shows it: its latest visible version, and its draft if the user may see it. */
    public record Listed(Framework framework, FrameworkVersion current, FrameworkVersion draft) {}

    @Transactional(readOnly = true)
    public List<Listed> list() {
        Map<Long, List<FrameworkVersion>> byFramework = new LinkedHashMap<>();
        for (FrameworkVersion v : versions.findAllWithFramework()) {
            byFramework.computeIfAbsent(v.getFramework().getId(), k -> new ArrayList<>()).add(v);
        }
        List<Listed> result = new ArrayList<>();
        for (List<FrameworkVersion> all : byFramework.values()) {
            FrameworkVersion published = all.stream().filter(FrameworkVersion::isPublished)
                    .max(Comparator.comparingInt(FrameworkVersion::getNumber)).orElse(null);
            FrameworkVersion draft = access.canEdit()
                    ? all.stream().filter(FrameworkVersion::isDraft).findFirst().orElse(null) : null;
            if (published != null || draft != null) {
                result.add(new Listed(all.get(0).getFramework(), published != null ? published : draft, draft));
            }
        }
        result.sort(Comparator.comparing(l -> l.current().getTitle().in(l.current().getLanguage(), null),
                String.CASE_INSENSITIVE_ORDER));
        return result;
    }

    /** All versions of a framework the user may see, oldest first; 404 if none. */
    @Transactional(readOnly = true)
    public List<FrameworkVersion> versions(UUID identifier) {
        List<FrameworkVersion> all = versions.findAllOf(identifier).stream().filter(access::canSee).toList();
        if (all.isEmpty()) {
            throw new NotFoundException("Framework", identifier);
        }
        return all;
    }

    /**
     * A version by number, or (number null) the latest published one, else the draft for editors. Loads its
     * whole tree.
     */
    @Transactional(readOnly = true)
    public FrameworkVersion version(UUID identifier, Integer number) {
        List<FrameworkVersion> all = versions(identifier);
        FrameworkVersion v;
        if (number != null) {
            v = all.stream().filter(x -> x.getNumber() == number).findFirst()
                    .orElseThrow(() -> new NotFoundException("Framework version", identifier + " v" + number));
        } else {
            v = all.stream().filter(FrameworkVersion::isPublished).reduce((a, b) -> b).orElse(all.get(all.size() - 1));
        }
        initialise(v);
        return v;
    }

    @Transactional(readOnly = true)
    public Optional<FrameworkVersion> draft(UUID identifier) {
        if (!access.canEdit()) {
            return Optional.empty();
        }
        return versions.findAllOf(identifier).stream().filter(FrameworkVersion::isDraft).findFirst()
                .map(FrameworkService::initialise);
    }

    /** Loads everything the pages and exports read, so they work outside the transaction. */
    static FrameworkVersion initialise(FrameworkVersion v) {
        v.getFramework().getIdentifier();
        v.getLevels().size();
        v.getAssociations().size();
        for (Node n : v.getNodes()) {
            n.getDescriptors().forEach(d -> d.getLevel().getIdentifier());
        }
        return v;
    }

    @Transactional(readOnly = true)
    public Changelog changelog(UUID identifier, int from, int to) {
        List<FrameworkVersion> all = versions(identifier);
        FrameworkVersion a = all.stream().filter(v -> v.getNumber() == from).findFirst()
                .orElseThrow(() -> new NotFoundException("Framework version", identifier + " v" + from));
        FrameworkVersion b = all.stream().filter(v -> v.getNumber() == to).findFirst()
                .orElseThrow(() -> new NotFoundException("Framework version", identifier + " v" + to));
        return Changelog.between(a, b);
    }

    // ---- creating ----

    /** Result of creating or importing: the framework, the new version, and whether the framework is new. */
    public record Created(UUID identifier, int number, long versionId, boolean newFramework) {}

    /**
     * Creates a framework from data, or, if a framework with the same identifier exists, a new draft version of it
     * (refused while it already has a draft). Publishes at once if asked.
     */
    public Created create(FrameworkData data, boolean publish, boolean builtIn) {
        access.requireEdit();
        return createUnchecked(data, publish, builtIn);
    }

    /** For the built-in loader, which runs at start-up with nobody signed in. */
    public Created createUnchecked(FrameworkData data, boolean publish, boolean builtIn) {
        Framework framework = data.identifier() == null ? null : frameworks.findByIdentifier(data.identifier()).orElse(null);
        boolean isNew = framework == null;
        if (isNew) {
            framework = frameworks.save(new Framework(data.identifier(), builtIn));
        } else if (versions.findAllOf(framework.getIdentifier()).stream().anyMatch(FrameworkVersion::isDraft)) {
            throw new ConflictException("file", "framework.import.draftExists",
                    "This framework already has a draft version; publish or discard it before importing again.");
        }
        FrameworkVersion version = new FrameworkVersion(framework, versions.maxNumber(framework) + 1,
                data.language(), Texts.of(data.title()), access.actor());
        Assembler.fill(version, data);
        if (publish) {
            version.publish();
        }
        versions.save(version);
        return new Created(framework.getIdentifier(), version.getNumber(), version.getId(), isNew);
    }

    /** Starts editing: a new draft copying the latest published version (refused if a draft exists). */
    public FrameworkVersion newDraft(UUID identifier) {
        access.requireEdit();
        List<FrameworkVersion> all = versions.findAllOf(identifier);
        if (all.isEmpty()) {
            throw new NotFoundException("Framework", identifier);
        }
        Optional<FrameworkVersion> existing = all.stream().filter(FrameworkVersion::isDraft).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        FrameworkVersion latest = all.get(all.size() - 1);
        FrameworkVersion draft = latest.copyAsDraft(latest.getNumber() + 1, access.actor());
        return versions.save(draft);
    }

    /** The draft to edit; 404 if there is none, 403 for those who may not edit. */
    public FrameworkVersion editableDraft(UUID identifier) {
        access.requireEdit();
        return versions.findAllOf(identifier).stream().filter(FrameworkVersion::isDraft).findFirst()
                .map(FrameworkService::initialise)
                .orElseThrow(() -> new NotFoundException("Draft of framework", identifier));
    }

    public void discardDraft(UUID identifier) {
        FrameworkVersion draft = editableDraft(identifier);
        for (Node n : draft.getNodes()) {
            n.clearDescriptors();
            n.detachFromParent();
        }
        entityManager.flush();
        versions.delete(draft);
        entityManager.flush();
    }

    public FrameworkVersion publish(UUID identifier) {
        FrameworkVersion draft = editableDraft(identifier);
        draft.publish();
        return draft;
    }

    // ---- editing a draft ----

    public record DocumentEdit(Map<String, String> title, String versionLabel, String language, String publisher,
            String creator, String licence, Map<String, String> description, Map<String, String> guideIntroduction,
            Map<String, String> guideDefinitions, Map<String, String> guideInstructions,
            Map<String, String> scaleTitle, Map<String, String> scaleDescription) {}

    public void editDocument(UUID identifier, DocumentEdit edit) {
        FrameworkVersion draft = editableDraft(identifier);
        if (edit.language() != null && !edit.language().isBlank()) {
            draft.setLanguage(edit.language());
        }
        draft.setTitle(merge(draft.getTitle(), edit.title()));
        draft.describe(edit.versionLabel(), edit.publisher(), edit.creator(), edit.licence(),
                merge(draft.getDescription(), edit.description()), draft.getSourceUri());
        draft.setGuide(merge(draft.getGuideIntroduction(), edit.guideIntroduction()),
                merge(draft.getGuideDefinitions(), edit.guideDefinitions()),
                merge(draft.getGuideInstructions(), edit.guideInstructions()));
        draft.setScale(draft.getScaleIdentifier(), merge(draft.getScaleTitle(), edit.scaleTitle()),
                merge(draft.getScaleDescription(), edit.scaleDescription()));
    }

    /** Texts of one node, per language; a language absent from a map is left as it was, an empty string clears it. */
    public record NodeEdit(String code, Map<String, String> title, Map<String, String> alternativeLabel,
            Map<String, String> description, List<String> keywords, String itemType,
            List<Map<String, String>> supportingQuestions) {}

    public Node editNode(UUID identifier, UUID nodeIdentifier, NodeEdit edit) {
        FrameworkVersion draft = editableDraft(identifier);
        Node node = node(draft, nodeIdentifier);
        apply(node, edit);
        return node;
    }

    private static void apply(Node node, NodeEdit edit) {
        node.setCode(edit.code());
        node.setTitle(merge(node.getTitle(), edit.title()));
        node.setTexts(merge(node.getAlternativeLabel(), edit.alternativeLabel()),
                merge(node.getDescription(), edit.description()),
                edit.keywords() == null ? node.getKeywords() : edit.keywords());
        if (edit.itemType() != null) {
            node.setCaseDetails(edit.itemType(), node.getEducationLevel(), node.getListEnumeration(),
                    node.getSourceUri());
        }
        if (edit.supportingQuestions() != null) {
            node.setSupportingQuestions(edit.supportingQuestions().stream().map(Texts::of).toList());
        }
    }

    public Node addNode(UUID identifier, UUID parentIdentifier, NodeEdit edit) {
        FrameworkVersion draft = editableDraft(identifier);
        Node parent = parentIdentifier == null ? null : node(draft, parentIdentifier);
        if (edit.title() == null || edit.title().values().stream().allMatch(t -> t == null || t.isBlank())) {
            throw new InvalidInputException("title", "framework.node.title.required", "Every item needs a title.");
        }
        Node node = draft.addNode(null, parent, edit.code(), Texts.of(edit.title()));
        apply(node, edit);
        entityManager.flush();
        return node;
    }

    public void moveNode(UUID identifier, UUID nodeIdentifier, UUID newParent, int position) {
        FrameworkVersion draft = editableDraft(identifier);
        Node node = node(draft, nodeIdentifier);
        draft.moveNode(node, newParent == null ? null : node(draft, newParent), position);
    }

    /** Moves a node one place up (-1) or down (+1) among its siblings. */
    public void shiftNode(UUID identifier, UUID nodeIdentifier, int delta) {
        FrameworkVersion draft = editableDraft(identifier);
        Node node = node(draft, nodeIdentifier);
        draft.moveNode(node, node.getParent(), node.getPosition() + delta);
    }

    public void deleteNode(UUID identifier, UUID nodeIdentifier) {
        FrameworkVersion draft = editableDraft(identifier);
        Node node = node(draft, nodeIdentifier);
        List<Node> subtree = draft.subtreeDeepestFirst(node);
        Node parent = node.getParent();
        subtree.forEach(Node::detachFromParent);
        entityManager.flush();
        draft.removeNodes(subtree);
        if (parent != null) {
            draft.children(parent);
        }
    }

    /** Replaces the descriptors of one node: for each level identifier, its statements in order. */
    public void setDescriptors(UUID identifier, UUID nodeIdentifier, Map<UUID, List<Map<String, String>>> byLevel) {
        FrameworkVersion draft = editableDraft(identifier);
        Node node = node(draft, nodeIdentifier);
        for (Map.Entry<UUID, List<Map<String, String>>> e : byLevel.entrySet()) {
            Level level = draft.level(e.getKey()).orElseThrow(() -> new InvalidInputException("level",
                    "framework.level.unknown", "There is no level {0} in this framework.", e.getKey()));
            node.replaceDescriptors(level, e.getValue().stream().map(Texts::of).toList());
        }
    }

    public record LevelEdit(String code, Map<String, String> title, Map<String, String> description) {}

    public Level addLevel(UUID identifier, LevelEdit edit) {
        FrameworkVersion draft = editableDraft(identifier);
        Level level = draft.addLevel(null, edit.code(), Texts.of(edit.title()), Texts.of(edit.description()));
        entityManager.flush();
        return level;
    }

    public void editLevel(UUID identifier, UUID levelIdentifier, LevelEdit edit) {
        FrameworkVersion draft = editableDraft(identifier);
        Level level = level(draft, levelIdentifier);
        level.edit(edit.code(), merge(level.getTitle(), edit.title()), merge(level.getDescription(), edit.description()));
    }

    public void moveLevel(UUID identifier, UUID levelIdentifier, int delta) {
        FrameworkVersion draft = editableDraft(identifier);
        draft.moveLevel(level(draft, levelIdentifier), delta);
    }

    public void removeLevel(UUID identifier, UUID levelIdentifier) {
        FrameworkVersion draft = editableDraft(identifier);
        draft.removeLevel(level(draft, levelIdentifier));
    }

    public record CrosswalkEdit(UUID origin, String type, UUID destination) {}

    /**
     * Adds a crosswalk from a competency of this draft to a competency of another framework (found by its CASE
     * identifier among the frameworks of this installation).
     */
    public Association addCrosswalk(UUID identifier, CrosswalkEdit edit, NodeRepository nodes) {
        FrameworkVersion draft = editableDraft(identifier);
        node(draft, edit.origin());
        if (edit.type() == null || !Association.CASE_TYPES.contains(edit.type()) || "isChildOf".equals(edit.type())) {
            throw new InvalidInputException("type", "framework.association.type",
                    "Choose an association type (the tree itself is not an association here).");
        }
        Node target = nodes.findAllByIdentifierIn(List.of(edit.destination())).stream()
                .filter(n -> access.canSee(n.getVersion()))
                .max(Comparator.comparingInt(n -> n.getVersion().getNumber()))
                .orElseThrow(() -> new InvalidInputException("destination", "framework.crosswalk.unknown",
                        "No competency with identifier {0} was found.", edit.destination()));
        Association a = draft.addAssociation(null, edit.type(), edit.origin(), edit.destination(), null,
                target.getTitle().in(target.getVersion().getLanguage(), null), null);
        entityManager.flush();
        return a;
    }

    public void removeAssociation(UUID identifier, UUID associationIdentifier) {
        FrameworkVersion draft = editableDraft(identifier);
        draft.removeAssociation(draft.association(associationIdentifier)
                .orElseThrow(() -> new NotFoundException("Association", associationIdentifier)));
    }

    private static Node node(FrameworkVersion v, UUID nodeIdentifier) {
        return v.node(nodeIdentifier).orElseThrow(() -> new NotFoundException("Item", nodeIdentifier));
    }

    private static Level level(FrameworkVersion v, UUID levelIdentifier) {
        return v.level(levelIdentifier).orElseThrow(() -> new NotFoundException("Level", levelIdentifier));
    }

    private static Texts merge(Texts current, Map<String, String> edit) {
        if (edit == null) {
            return current;
        }
        Texts result = current;
        for (Map.Entry<String, String> e : edit.entrySet()) {
            result = result.with(e.getKey(), e.getValue() == null ? null : e.getValue().strip());
        }
        return result;
    }
}
