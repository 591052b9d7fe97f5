package org.capacityhub.framework.exchange;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A whole framework version as plain data: what import formats are read into, what export formats are written
 * from, and the shape of the built-in framework resource files. Texts are maps from language to text.
 */
public record FrameworkData(
        UUID identifier,
        String language,
        String versionLabel,
        Map<String, String> title,
        String publisher,
        String creator,
        String licence,
        Map<String, String> description,
        String sourceUri,
        Guide guide,
        Scale scale,
        List<NodeData> nodes,
        List<AssociationData> associations) implements java.io.Serializable {

    public FrameworkData {
        title = title == null ? Map.of() : title;
        description = description == null ? Map.of() : description;
        guide = guide == null ? new Guide(null, null, null) : guide;
        nodes = nodes == null ? List.of() : nodes;
        associations = associations == null ? List.of() : associations;
    }

    public record Guide(Map<String, String> introduction, Map<String, String> definitions,
            Map<String, String> instructions) implements java.io.Serializable {
        public Guide {
            introduction = introduction == null ? Map.of() : introduction;
            definitions = definitions == null ? Map.of() : definitions;
            instructions = instructions == null ? Map.of() : instructions;
        }
    }

    public record Scale(UUID identifier, Map<String, String> title, Map<String, String> description,
            List<LevelData> levels) implements java.io.Serializable {
        public Scale {
            title = title == null ? Map.of() : title;
            description = description == null ? Map.of() : description;
            levels = levels == null ? List.of() : levels;
        }
    }

    /** A level of the scale, lowest first. */
    public record LevelData(UUID identifier, String code, Map<String, String> title,
            Map<String, String> description) implements java.io.Serializable {
        public LevelData {
            title = title == null ? Map.of() : title;
            description = description == null ? Map.of() : description;
        }
    }

    /** A node, parents before children, siblings in order; {@code parent} null for a top-level node. */
    public record NodeData(UUID identifier, UUID parent, String code, Map<String, String> title,
            Map<String, String> alternativeLabel, Map<String, String> description, List<String> keywords,
            String itemType, String educationLevel, String listEnumeration, String sourceUri,
            List<DescriptorData> descriptors, List<Map<String, String>> supportingQuestions) implements java.io.Serializable {
        public NodeData {
            title = title == null ? Map.of() : title;
            alternativeLabel = alternativeLabel == null ? Map.of() : alternativeLabel;
            description = description == null ? Map.of() : description;
            keywords = keywords == null ? List.of() : keywords;
            descriptors = descriptors == null ? List.of() : descriptors;
            supportingQuestions = supportingQuestions == null ? List.of() : supportingQuestions;
        }
    }

    /** One benchmark statement of a node at a level (several per level allowed, in order). */
    public record DescriptorData(UUID level, Map<String, String> text) implements java.io.Serializable {
        public DescriptorData {
            text = text == null ? Map.of() : text;
        }
    }

    public record AssociationData(UUID identifier, String type, UUID origin, UUID destination,
            String destinationUri, String destinationTitle, Integer sequenceNumber) implements java.io.Serializable {}

    public int levelCount() {
        return scale == null ? 0 : scale.levels().size();
    }

    public int descriptorCount() {
        return nodes.stream().mapToInt(n -> n.descriptors().size()).sum();
    }
}
