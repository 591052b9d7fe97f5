package org.capacityhub.framework.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.capacityhub.framework.domain.Association;
import org.capacityhub.framework.domain.Descriptor;
import org.capacityhub.framework.domain.FrameworkVersion;
import org.capacityhub.framework.domain.Level;
import org.capacityhub.framework.domain.Node;
import org.capacityhub.framework.domain.Texts;
import org.capacityhub.framework.exchange.FrameworkData.AssociationData;
import org.capacityhub.framework.exchange.FrameworkData.DescriptorData;
import org.capacityhub.framework.exchange.FrameworkData.LevelData;
import org.capacityhub.framework.exchange.FrameworkData.NodeData;

/** Converts between {@link FrameworkData} and the entities of a framework version. */
public final class Assembler {

    private Assembler() {}

    /** Fills an empty draft version with {@code data}. */
    public static void fill(FrameworkVersion version, FrameworkData data) {
        version.setTitle(Texts.of(data.title()));
        version.describe(data.versionLabel(), data.publisher(), data.creator(), data.licence(),
                Texts.of(data.description()), data.sourceUri());
        version.setGuide(Texts.of(data.guide().introduction()), Texts.of(data.guide().definitions()),
                Texts.of(data.guide().instructions()));
        Map<UUID, Level> levels = new HashMap<>();
        if (data.scale() != null) {
            version.setScale(data.scale().identifier(), Texts.of(data.scale().title()),
                    Texts.of(data.scale().description()));
            for (LevelData l : data.scale().levels()) {
                levels.put(l.identifier(), version.addLevel(l.identifier(), l.code(), Texts.of(l.title()),
                        Texts.of(l.description())));
            }
        }
        Map<UUID, Node> nodes = new HashMap<>();
        for (NodeData n : parentsFirst(data.nodes())) {
            Node parent = n.parent() == null ? null : nodes.get(n.parent());
            Node node = version.addNode(n.identifier(), parent, n.code(), Texts.of(n.title()));
            node.setTexts(Texts.of(n.alternativeLabel()), Texts.of(n.description()), n.keywords());
            node.setCaseDetails(n.itemType(), n.educationLevel(), n.listEnumeration(), n.sourceUri());
            node.setSupportingQuestions(n.supportingQuestions().stream().map(Texts::of).toList());
            for (DescriptorData d : n.descriptors()) {
                Level level = levels.get(d.level());
                if (level == null) {
                    throw new ImportProblem("item " + n.identifier(),
                            "a level descriptor refers to unknown level " + d.level() + ".");
                }
                node.addDescriptor(level, Texts.of(d.text()));
            }
            nodes.put(n.identifier(), node);
        }
        for (AssociationData a : data.associations()) {
            version.addAssociation(a.identifier(), a.type(), a.origin(), a.destination(), a.destinationUri(),
                    a.destinationTitle(), a.sequenceNumber());
        }
    }

    /**
     * Orders nodes parents first, keeping the given sibling order; refuses a parent that does not exist and a
     * cycle.
     */
    static List<NodeData> parentsFirst(List<NodeData> nodes) {
        Map<UUID, NodeData> byId = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeData n = nodes.get(i);
            if (n.identifier() == null) {
                throw new ImportProblem("item " + (i + 1), "the item has no identifier.");
            }
            if (byId.put(n.identifier(), n) != null) {
                throw new ImportProblem("item " + n.identifier(), "two items have this identifier.");
            }
        }
        for (NodeData n : nodes) {
            if (n.parent() != null && !byId.containsKey(n.parent())) {
                throw new ImportProblem("item " + n.identifier(), "its parent " + n.parent() + " is not in the file.");
            }
            Set<UUID> seen = new HashSet<>();
            for (UUID p = n.identifier(); p != null; p = byId.get(p).parent()) {
                if (!seen.add(p)) {
                    throw new ImportProblem("item " + n.identifier(), "the parent links form a cycle.");
                }
            }
        }
        Map<UUID, List<NodeData>> children = new LinkedHashMap<>();
        for (NodeData n : nodes) {
            children.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n);
        }
        List<NodeData> result = new ArrayList<>();
        addChildren(null, children, result);
        return result;
    }

    private static void addChildren(UUID parent, Map<UUID, List<NodeData>> children, List<NodeData> into) {
        for (NodeData n : children.getOrDefault(parent, List.of())) {
            into.add(n);
            addChildren(n.identifier(), children, into);
        }
    }

    /** The whole version as data, nodes parents first. */
    public static FrameworkData read(FrameworkVersion v) {
        List<LevelData> levels = v.getLevels().stream()
                .map(l -> new LevelData(l.getIdentifier(), l.getCode(), l.getTitle().asMap(),
                        l.getDescription().asMap()))
                .toList();
        List<NodeData> nodes = new ArrayList<>();
        for (Node n : v.treeOrder()) {
            List<DescriptorData> descriptors = new ArrayList<>();
            for (Level l : v.getLevels()) {
                for (Descriptor d : n.descriptorsOf(l)) {
                    descriptors.add(new DescriptorData(l.getIdentifier(), d.getText().asMap()));
                }
            }
            nodes.add(new NodeData(n.getIdentifier(), n.getParent() == null ? null : n.getParent().getIdentifier(),
                    n.getCode(), n.getTitle().asMap(), n.getAlternativeLabel().asMap(),
                    n.getDescription().asMap(), n.getKeywords(), n.getItemType(), n.getEducationLevel(),
                    n.getListEnumeration(), n.getSourceUri(), descriptors,
                    n.getSupportingQuestions().stream().map(Texts::asMap).toList()));
        }
        List<AssociationData> associations = v.getAssociations().stream()
                .map(a -> new AssociationData(a.getIdentifier(), a.getType(), a.getOrigin(), a.getDestination(),
                        a.getDestinationUri(), a.getDestinationTitle(), a.getSequenceNumber()))
                .toList();
        return new FrameworkData(v.getFramework().getIdentifier(), v.getLanguage(), v.getVersionLabel(),
                v.getTitle().asMap(), v.getPublisher(), v.getCreator(), v.getLicence(), v.getDescription().asMap(),
                v.getSourceUri(),
                new FrameworkData.Guide(v.getGuideIntroduction().asMap(), v.getGuideDefinitions().asMap(),
                        v.getGuideInstructions().asMap()),
                levels.isEmpty() && v.getScaleTitle().isEmpty() ? null
                        : new FrameworkData.Scale(v.getScaleIdentifier(), v.getScaleTitle().asMap(),
                                v.getScaleDescription().asMap(), levels),
                nodes, associations);
    }
}
