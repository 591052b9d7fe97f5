package org.capacityhub.framework.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** What changed between two versions of a framework: document fields, levels and nodes added, removed or changed. */
public record Changelog(int fromNumber, int toNumber, List<Change> changes) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * @param subject "framework", "level" or "item"
     * @param identifier CASE identifier of the level or item (null for the framework itself)
     * @param label      a readable name (the item's code and title in the newer version, else the older)
     * @param fields     names of the fields that changed (for CHANGED)
     */
    public record Change(Kind kind, String subject, UUID identifier, String label, List<String> fields) {}

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public static Changelog between(FrameworkVersion from, FrameworkVersion to) {
        List<Change> changes = new ArrayList<>();
        List<String> doc = new ArrayList<>();
        compare(doc, "title", from, to, FrameworkVersion::getTitle);
        compare(doc, "versionLabel", from, to, FrameworkVersion::getVersionLabel);
        compare(doc, "language", from, to, FrameworkVersion::getLanguage);
        compare(doc, "publisher", from, to, FrameworkVersion::getPublisher);
        compare(doc, "creator", from, to, FrameworkVersion::getCreator);
        compare(doc, "licence", from, to, FrameworkVersion::getLicence);
        compare(doc, "description", from, to, FrameworkVersion::getDescription);
        compare(doc, "guideIntroduction", from, to, FrameworkVersion::getGuideIntroduction);
        compare(doc, "guideDefinitions", from, to, FrameworkVersion::getGuideDefinitions);
        compare(doc, "guideInstructions", from, to, FrameworkVersion::getGuideInstructions);
        compare(doc, "scaleTitle", from, to, FrameworkVersion::getScaleTitle);
        compare(doc, "scaleDescription", from, to, FrameworkVersion::getScaleDescription);
        if (!doc.isEmpty()) {
            changes.add(new Change(Kind.CHANGED, "framework", null, to.getTitle().in(to.getLanguage(), null), doc));
        }
        for (Level old : from.getLevels()) {
            Level now = to.level(old.getIdentifier()).orElse(null);
            if (now == null) {
                changes.add(new Change(Kind.REMOVED, "level", old.getIdentifier(), label(old), List.of()));
                continue;
            }
            List<String> fields = new ArrayList<>();
            compare(fields, "code", old, now, Level::getCode);
            compare(fields, "title", old, now, Level::getTitle);
            compare(fields, "description", old, now, Level::getDescription);
            compare(fields, "position", old, now, Level::getPosition);
            if (!fields.isEmpty()) {
                changes.add(new Change(Kind.CHANGED, "level", now.getIdentifier(), label(now), fields));
            }
        }
        for (Level now : to.getLevels()) {
            if (from.level(now.getIdentifier()).isEmpty()) {
                changes.add(new Change(Kind.ADDED, "level", now.getIdentifier(), label(now), List.of()));
            }
        }
        for (Node old : from.treeOrder()) {
            Node now = to.node(old.getIdentifier()).orElse(null);
            if (now == null) {
                changes.add(new Change(Kind.REMOVED, "item", old.getIdentifier(), label(old), List.of()));
                continue;
            }
            List<String> fields = new ArrayList<>();
            compare(fields, "code", old, now, Node::getCode);
            compare(fields, "title", old, now, Node::getTitle);
            compare(fields, "alternativeLabel", old, now, Node::getAlternativeLabel);
            compare(fields, "description", old, now, Node::getDescription);
            compare(fields, "keywords", old, now, Node::getKeywords);
            compare(fields, "itemType", old, now, Node::getItemType);
            compare(fields, "parent", old, now, n -> n.getParent() == null ? null : n.getParent().getIdentifier());
            compare(fields, "position", old, now, Node::getPosition);
            compare(fields, "supportingQuestions", old, now, Node::getSupportingQuestions);
            compare(fields, "descriptors", old, now, Changelog::descriptors);
            compare(fields, "associations", old, now, n -> associations(n));
            if (!fields.isEmpty()) {
                changes.add(new Change(Kind.CHANGED, "item", now.getIdentifier(), label(now), fields));
            }
        }
        for (Node now : to.treeOrder()) {
            if (from.node(now.getIdentifier()).isEmpty()) {
                changes.add(new Change(Kind.ADDED, "item", now.getIdentifier(), label(now), List.of()));
            }
        }
        return new Changelog(from.getNumber(), to.getNumber(), changes);
    }

    private static Map<UUID, List<Texts>> descriptors(Node node) {
        Map<UUID, List<Texts>> result = new java.util.TreeMap<>();
        for (Descriptor d : node.getDescriptors()) {
            result.computeIfAbsent(d.getLevel().getIdentifier(), k -> new ArrayList<>()).add(d.getText());
        }
        return result;
    }

    private static List<String> associations(Node node) {
        return node.getVersion().getAssociations().stream().filter(a -> a.getOrigin().equals(node.getIdentifier()))
                .map(a -> a.getType() + ">" + a.getDestination()).sorted().toList();
    }

    private static <T> void compare(List<String> fields, String name, T a, T b, Function<T, Object> get) {
        if (!Objects.equals(get.apply(a), get.apply(b))) {
            fields.add(name);
        }
    }

    private static String label(Node n) {
        String title = n.getTitle().in(n.getVersion().getLanguage(), null);
        return n.getCode() == null ? title : n.getCode() + " " + title;
    }

    private static String label(Level l) {
        return l.getTitle().in(l.getVersion().getLanguage(), null);
    }
}
