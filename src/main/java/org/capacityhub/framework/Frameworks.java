package org.capacityhub.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.capacityhub.framework.domain.Association;
import org.capacityhub.framework.domain.FrameworkVersion;
import org.capacityhub.framework.domain.FrameworkVersionRepository;
import org.capacityhub.framework.domain.AssociationRepository;
import org.capacityhub.framework.domain.Level;
import org.capacityhub.framework.domain.Node;
import org.capacityhub.framework.domain.NodeRepository;
import org.capacityhub.framework.domain.Texts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared taxonomy, for other modules: competencies by id or CASE identifier, their descendants, the
 * competencies crosswalked to them (treated as related everywhere) and the proficiency levels of a framework
 * version. Texts come in the current user's language, falling back to the framework's own.
 * <p>
 * A competency id ({@link Competency#id()}) names one competency in one exact framework version, so what refers
 * to it (an assessment) keeps the version it used; the CASE identifier is the same in all versions.
 */
@Service
@Transactional(readOnly = true)
public class Frameworks {

    /** CASE identifier of the built-in "GovStack skills assessment" (the same on every installation). */
    public static final UUID GOVSTACK_SKILLS_ASSESSMENT = UUID.fromString("6c0676de-7f66-45e1-a55d-6735e964dadf");
    /** CASE identifier of the built-in UNESCO "AI and Digital Transformation Competencies for Civil Servants". */
    public static final UUID UNESCO_DIGITAL_COMPETENCIES = UUID.fromString("7e511ff9-f485-4f68-bfb6-d954be785662");

    private final NodeRepository nodes;
    private final FrameworkVersionRepository versions;
    private final AssociationRepository associations;

    Frameworks(NodeRepository nodes, FrameworkVersionRepository versions, AssociationRepository associations) {
        this.nodes = nodes;
        this.versions = versions;
        this.associations = associations;
    }

    /**
     * A framework version, as others refer to it.
     *
     * @param description      what the framework is for (may be null)
     * @param scaleTitle       the proficiency scale's name, e.g. "Benchmark of Capacity" (may be null)
     * @param scaleDescription what the scale measures or where it comes from (may be null)
     */
    public record FrameworkVersionRef(long versionId, UUID frameworkIdentifier, int number, String versionLabel,
            String title, String language, boolean published, String description, String scaleTitle,
            String scaleDescription) {}

    /**
     * A version's facilitation guide, for whoever runs an assessment with it: what to say to introduce the session,
     * the definitions to share, and the facilitator's instructions. Any part may be null.
     */
    public record FacilitationGuide(String introduction, String definitions, String instructions) {}

    /**
     * One competency (or area, domain: any node of the tree) of one framework version.
     *
     * @param id         the node in this exact version
     * @param identifier its CASE identifier, the same in every version
     * @param parentId   the parent node in the same version, or null at the top
     * @param subject    its alternative label or subject, e.g. "(Agile Methodology)" in GovStack (may be null)
     */
    public record Competency(long id, UUID identifier, long versionId, UUID frameworkIdentifier, String code,
            String title, String description, String itemType, Long parentId, int depth, String subject) {}

    /** A level of a version's proficiency scale; {@code rank} 0 is the lowest. */
    public record ScaleLevel(long id, UUID identifier, int rank, String code, String title, String description) {}

    /** A statement describing a competency at a level. */
    public record LevelDescriptor(UUID levelIdentifier, String levelTitle, int rank, List<String> statements) {}

    /** A crosswalk: {@code related} is linked to the competency asked about by a CASE association of {@code type}. */
    public record Related(String type, Competency related) {}

    public Optional<Competency> competency(long id) {
        return nodes.findById(id).map(Frameworks::view);
    }

    /** The competency with this CASE identifier in the latest published version that contains it. */
    public Optional<Competency> latestPublished(UUID identifier) {
        return latestPublishedNode(identifier).map(Frameworks::view);
    }

    public List<Competency> descendants(long id) {
        Node node = nodes.findById(id).orElse(null);
        if (node == null) {
            return List.of();
        }
        List<Competency> result = new ArrayList<>();
        collect(node, result);
        return result;
    }

    private static void collect(Node node, List<Competency> into) {
        for (Node child : node.getVersion().children(node)) {
            into.add(view(child));
            collect(child, into);
        }
    }

    /** The whole tree of a version, parents first. */
    public List<Competency> tree(long versionId) {
        return versions.findById(versionId).map(v -> v.treeOrder().stream().map(Frameworks::view).toList())
                .orElse(List.of());
    }

    /**
     * Competencies of other frameworks crosswalked to this one ({@code exactMatchOf}, {@code isRelatedTo},
     * {@code isPeerOf}, in either direction), each in the latest published version that contains it.
     */
    public List<Related> related(long id) {
        Node node = nodes.findById(id).orElse(null);
        if (node == null) {
            return List.of();
        }
        // links count from the latest published version of each framework (and from the competency's own version)
        Map<UUID, Long> latestPublished = new java.util.HashMap<>();
        for (FrameworkVersion v : versions.findAllWithFramework()) {
            if (v.isPublished()) {
                latestPublished.put(v.getFramework().getIdentifier(), v.getId());
            }
        }
        Map<UUID, String> others = new LinkedHashMap<>();
        for (Association a : associations.findTouching(node.getIdentifier())) {
            boolean current = a.getVersion().getId().equals(latestPublished.get(a.getVersion().getFramework().getIdentifier()))
                    || a.getVersion() == node.getVersion();
            if (!a.isCrosswalk() || !current) {
                continue;
            }
            UUID other = a.getOrigin().equals(node.getIdentifier()) ? a.getDestination() : a.getOrigin();
            others.putIfAbsent(other, a.getType());
        }
        List<Related> result = new ArrayList<>();
        for (Map.Entry<UUID, String> e : others.entrySet()) {
            latestPublishedNode(e.getKey()).filter(n -> !n.getVersion().getFramework().getIdentifier()
                    .equals(node.getVersion().getFramework().getIdentifier()))
                    .ifPresent(n -> result.add(new Related(e.getValue(), view(n))));
        }
        return result;
    }

    public List<ScaleLevel> levels(long versionId) {
        return versions.findById(versionId).map(v -> v.getLevels().stream().map(Frameworks::view).toList())
                .orElse(List.of());
    }

    public List<LevelDescriptor> descriptors(long competencyId) {
        Node node = nodes.findById(competencyId).orElse(null);
        if (node == null) {
            return List.of();
        }
        String language = node.getVersion().getLanguage();
        return node.getVersion().getLevels().stream().map(l -> new LevelDescriptor(l.getIdentifier(),
                text(l.getTitle(), language), l.getPosition(),
                node.descriptorsOf(l).stream().map(d -> text(d.getText(), language)).toList())).toList();
    }

    /** The facilitation guide of a version; empty when the version has none (or does not exist). */
    public Optional<FacilitationGuide> guide(long versionId) {
        return versions.findById(versionId).flatMap(v -> {
            String language = v.getLanguage();
            FacilitationGuide guide = new FacilitationGuide(text(v.getGuideIntroduction(), language),
                    text(v.getGuideDefinitions(), language), text(v.getGuideInstructions(), language));
            return guide.introduction() == null && guide.definitions() == null && guide.instructions() == null
                    ? Optional.empty() : Optional.of(guide);
        });
    }

    /** The questions that help a group discuss a competency, in order (none for an unknown id). */
    public List<String> supportingQuestions(long competencyId) {
        return nodes.findById(competencyId).map(n -> n.getSupportingQuestions().stream()
                .map(q -> text(q, n.getVersion().getLanguage())).filter(q -> q != null).toList()).orElse(List.of());
    }

    /** The latest published version of each framework. */
    public List<FrameworkVersionRef> publishedFrameworks() {
        Map<UUID, FrameworkVersion> latest = new LinkedHashMap<>();
        for (FrameworkVersion v : versions.findAllWithFramework()) {
            if (v.isPublished()) {
                latest.put(v.getFramework().getIdentifier(), v);
            }
        }
        return latest.values().stream().map(Frameworks::view)
                .sorted(Comparator.comparing(FrameworkVersionRef::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Optional<FrameworkVersionRef> version(long versionId) {
        return versions.findById(versionId).map(Frameworks::view);
    }

    private Optional<Node> latestPublishedNode(UUID identifier) {
        return nodes.findAllByIdentifierIn(List.of(identifier)).stream()
                .filter(n -> n.getVersion().isPublished())
                .max(Comparator.comparingInt(n -> n.getVersion().getNumber()));
    }

    private static FrameworkVersionRef view(FrameworkVersion v) {
        return new FrameworkVersionRef(v.getId(), v.getFramework().getIdentifier(), v.getNumber(),
                v.getVersionLabel(), text(v.getTitle(), v.getLanguage()), v.getLanguage(), v.isPublished(),
                text(v.getDescription(), v.getLanguage()), text(v.getScaleTitle(), v.getLanguage()),
                text(v.getScaleDescription(), v.getLanguage()));
    }

    private static Competency view(Node n) {
        String language = n.getVersion().getLanguage();
        return new Competency(n.getId(), n.getIdentifier(), n.getVersion().getId(),
                n.getVersion().getFramework().getIdentifier(), n.getCode(), text(n.getTitle(), language),
                text(n.getDescription(), language), n.getItemType(),
                n.getParent() == null ? null : n.getParent().getId(), n.depth(), text(n.getAlternativeLabel(), language));
    }

    private static ScaleLevel view(Level l) {
        String language = l.getVersion().getLanguage();
        return new ScaleLevel(l.getId(), l.getIdentifier(), l.getPosition(), l.getCode(), text(l.getTitle(), language),
                text(l.getDescription(), language));
    }

    private static String text(Texts texts, String frameworkLanguage) {
        return texts.in(LocaleContextHolder.getLocale().getLanguage(), frameworkLanguage);
    }
}
