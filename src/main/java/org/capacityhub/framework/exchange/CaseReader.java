package org.capacityhub.framework.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.capacityhub.framework.domain.Texts;
import org.capacityhub.framework.exchange.FrameworkData.AssociationData;
import org.capacityhub.framework.exchange.FrameworkData.DescriptorData;
import org.capacityhub.framework.exchange.FrameworkData.LevelData;
import org.capacityhub.framework.exchange.FrameworkData.NodeData;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a 1EdTech CASE package (1.0 or 1.1): CFDocument, CFItems, CFAssociations ({@code isChildOf} builds the
 * tree, other types are kept), CFDefinitions (item types) and CFRubrics (the proficiency scale and level
 * descriptors). Lenient as real exports need: unknown fields are ignored and {@code null} counts as absent; strict
 * where data would be lost or wrong: every problem names its place, e.g. {@code CFAssociations[12]}.
 * <p>
 * Packages written by Capacity Hub carry {@code extensions.capacityhub} with the texts in every language and the
 * fields CASE has no place for (facilitation guide, supporting questions, levels without descriptors), so that
 * export then import gives the same framework.
 */
public final class CaseReader {

    static final String EXTENSION = "capacityhub";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> warnings = new ArrayList<>();
    private UUID translationOf;
    private final Map<UUID, UUID> originalItems = new HashMap<>();
    private final String ownUriPrefix;

    /** @param baseUrl this installation's public address: URIs it minted are not kept as external links */
    public CaseReader(String baseUrl) {
        String base = baseUrl == null ? "" : baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.ownUriPrefix = base.isEmpty() ? null : base + "/ims/case/";
    }

    public List<String> warnings() {
        return warnings;
    }

    /** For a package written by Capacity Hub in another language: the original framework's identifier, else null. */
    public UUID translationOf() {
        return translationOf;
    }

    /** For such a package: item identifiers of the package → those of the original framework. */
    public Map<UUID, UUID> originalItems() {
        return originalItems;
    }

    public FrameworkData read(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "JSON" : "JSON line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ImportProblem(where, "the file is not valid JSON (" + e.getOriginalMessage() + ").");
        }
        if (root == null || !root.isObject()) {
            throw new ImportProblem("JSON", "the file is not a CASE package (expected a JSON object).");
        }
        if (root.get("CFPackage") != null && root.get("CFPackage").isObject()) {
            root = root.get("CFPackage");
        }
        JsonNode doc = root.get("CFDocument");
        if (doc == null || !doc.isObject()) {
            throw new ImportProblem("CFDocument", "the package has no CFDocument; is this a CASE package?");
        }
        UUID docId = uuid(doc.get("identifier"), "CFDocument.identifier");
        String title = text(doc, "title");
        if (title == null) {
            throw new ImportProblem("CFDocument.title", "the framework has no title.");
        }
        JsonNode ext = extension(doc);
        if (text(ext, "translationOf") != null) {
            translationOf = uuid(ext.get("translationOf"), "CFDocument.extensions.capacityhub.translationOf");
        }
        String language = text(doc, "language");
        if (language == null) {
            language = "en";
        }
        language = Texts.normaliseLanguage(language);

        // definitions: item types by identifier
        Map<String, String> itemTypes = new HashMap<>();
        JsonNode defs = root.get("CFDefinitions");
        if (defs != null && defs.isObject() && defs.get("CFItemTypes") != null && defs.get("CFItemTypes").isArray()) {
            for (JsonNode t : defs.get("CFItemTypes")) {
                String id = text(t, "identifier");
                String name = text(t, "title") != null ? text(t, "title") : text(t, "typeCode");
                if (id != null && name != null) {
                    itemTypes.put(id, name);
                }
            }
        }

        // items
        LinkedHashMap<UUID, JsonNode> items = new LinkedHashMap<>();
        Map<UUID, Integer> itemIndex = new HashMap<>();
        JsonNode cfItems = array(root, "CFItems");
        for (int i = 0; i < cfItems.size(); i++) {
            JsonNode item = cfItems.get(i);
            String place = "CFItems[" + i + "]";
            if (item == null || !item.isObject()) {
                throw new ImportProblem(place, "an item must be a JSON object.");
            }
            UUID id = uuid(item.get("identifier"), place + ".identifier");
            if (items.put(id, item) != null) {
                throw new ImportProblem(place, "another item has the same identifier " + id + ".");
            }
            if (text(item, "fullStatement") == null) {
                throw new ImportProblem(place, "the item " + id + " has no fullStatement.");
            }
            itemIndex.put(id, i);
        }

        // associations: the tree and the others
        Map<UUID, UUID> parent = new HashMap<>();
        Map<UUID, Integer> parentAssociation = new HashMap<>();
        Map<UUID, Integer> sequence = new HashMap<>();
        List<AssociationData> associations = new ArrayList<>();
        JsonNode cfAssociations = array(root, "CFAssociations");
        for (int i = 0; i < cfAssociations.size(); i++) {
            JsonNode a = cfAssociations.get(i);
            String place = "CFAssociations[" + i + "]";
            if (a == null || !a.isObject()) {
                throw new ImportProblem(place, "an association must be a JSON object.");
            }
            String type = text(a, "associationType");
            if (type == null) {
                throw new ImportProblem(place, "the association has no associationType.");
            }
            UUID origin = uuid(node(a, "originNodeURI").get("identifier"), place + ".originNodeURI.identifier");
            JsonNode destinationNode = node(a, "destinationNodeURI");
            UUID destination = uuid(destinationNode.get("identifier"), place + ".destinationNodeURI.identifier");
            Integer seq = integer(a.get("sequenceNumber"));
            boolean originKnown = items.containsKey(origin) || origin.equals(docId);
            boolean destinationKnown = items.containsKey(destination) || destination.equals(docId);
            if ("isChildOf".equals(type)) {
                if (!items.containsKey(origin)) {
                    throw new ImportProblem(place, "isChildOf refers to unknown item " + origin + ".");
                }
                if (!destinationKnown) {
                    throw new ImportProblem(place, "isChildOf refers to unknown item " + destination + ".");
                }
                if (!parent.containsKey(origin) && !parentAssociation.containsKey(origin)) {
                    parentAssociation.put(origin, i);
                    if (!destination.equals(docId)) {
                        parent.put(origin, destination);
                    }
                    if (seq != null) {
                        sequence.put(origin, seq);
                    }
                    continue;
                }
                warnings.add(place + ": item " + origin + " has a second parent; kept as an association, the tree "
                        + "shows it under its first parent only.");
            } else if (!originKnown && !destinationKnown) {
                throw new ImportProblem(place, type + " refers to neither an item nor the document of this package ("
                        + origin + " → " + destination + ").");
            }
            UUID id = a.get("identifier") == null || a.get("identifier").isNull() ? UUID.randomUUID()
                    : uuid(a.get("identifier"), place + ".identifier");
            String destinationUri = destinationKnown ? null : text(destinationNode, "uri");
            if (destinationUri != null && ownUriPrefix != null && destinationUri.startsWith(ownUriPrefix)) {
                destinationUri = null;
            }
            associations.add(new AssociationData(id, type, origin, destination, destinationUri,
                    destinationKnown ? null : text(destinationNode, "title"), seq));
        }
        // cycles in the tree
        for (UUID start : parent.keySet()) {
            Set<UUID> seen = new HashSet<>();
            for (UUID p = start; p != null; p = parent.get(p)) {
                if (!seen.add(p)) {
                    throw new ImportProblem("CFAssociations[" + parentAssociation.get(start) + "]",
                            "isChildOf makes a cycle: item " + start + " would be its own ancestor.");
                }
            }
        }

        // rubrics: the scale and the descriptors
        FrameworkData.Scale scale = null;
        Map<UUID, List<DescriptorData>> descriptors = new HashMap<>();
        JsonNode rubrics = array(root, "CFRubrics");
        if (rubrics.size() > 1) {
            throw new ImportProblem("CFRubrics", "the package has " + rubrics.size()
                    + " rubrics; Capacity Hub keeps one proficiency scale per framework version. Merge them first.");
        }
        if (rubrics.size() == 1) {
            scale = readRubric(rubrics.get(0), items, descriptors, language);
        }

        // nodes, parents first, siblings by sequenceNumber then file order
        List<UUID> order = new ArrayList<>(items.keySet());
        order.sort((x, y) -> {
            int sx = sequence.getOrDefault(x, Integer.MAX_VALUE);
            int sy = sequence.getOrDefault(y, Integer.MAX_VALUE);
            return sx != sy ? Integer.compare(sx, sy) : Integer.compare(itemIndex.get(x), itemIndex.get(y));
        });
        List<NodeData> nodes = new ArrayList<>();
        for (UUID id : order) {
            JsonNode item = items.get(id);
            JsonNode ie = extension(item);
            if (translationOf != null && text(ie, "translationOf") != null) {
                originalItems.put(id, uuid(ie.get("translationOf"), "CFItems[" + itemIndex.get(id) + "].extensions.capacityhub.translationOf"));
            }
            String itemType = text(item, "CFItemType");
            if (itemType == null && item.get("CFItemTypeURI") != null) {
                itemType = text(item.get("CFItemTypeURI"), "title");
                if (itemType == null) {
                    itemType = itemTypes.get(text(item.get("CFItemTypeURI"), "identifier"));
                }
            }
            List<Map<String, String>> questions = new ArrayList<>();
            if (ie.get("supportingQuestions") != null && ie.get("supportingQuestions").isArray()) {
                for (JsonNode q : ie.get("supportingQuestions")) {
                    questions.add(texts(q));
                }
            }
            nodes.add(new NodeData(id, parent.get(id), text(item, "humanCodingScheme"),
                    overlay(ie.get("fullStatement"), language, text(item, "fullStatement")),
                    overlay(ie.get("alternativeLabel"), language, text(item, "alternativeLabel")),
                    overlay(ie.get("notes"), language, text(item, "notes")),
                    strings(item.get("conceptKeywords")), itemType,
                    joined(item.get("educationLevel") != null ? item.get("educationLevel") : item.get("educationalLevel")),
                    text(item, "listEnumeration"), null,
                    descriptors.getOrDefault(id, List.of()), questions));
        }
        nodes = Assembler.parentsFirst(nodes);

        JsonNode guide = ext.get("guide") == null ? JSON.createObjectNode() : ext.get("guide");
        String licence = null;
        if (doc.get("licenseURI") != null && doc.get("licenseURI").isObject()) {
            licence = text(doc.get("licenseURI"), "title") != null ? text(doc.get("licenseURI"), "title")
                    : text(doc.get("licenseURI"), "uri");
        }
        return new FrameworkData(docId, language, text(doc, "version"),
                overlay(ext.get("title"), language, title), text(doc, "publisher"),
                ext.has("creator") ? text(ext, "creator") : text(doc, "creator"),
                ext.has("licence") ? text(ext, "licence") : licence,
                overlay(ext.get("description"), language, text(doc, "description")),
                text(doc, "officialSourceURL"),
                new FrameworkData.Guide(texts(guide.get("introduction")), texts(guide.get("definitions")),
                        texts(guide.get("instructions"))),
                scale, nodes, associations);
    }

    private FrameworkData.Scale readRubric(JsonNode rubric, Map<UUID, JsonNode> items,
            Map<UUID, List<DescriptorData>> descriptors, String language) {
        if (rubric == null || !rubric.isObject()) {
            throw new ImportProblem("CFRubrics[0]", "a rubric must be a JSON object.");
        }
        UUID rubricId = uuid(rubric.get("identifier"), "CFRubrics[0].identifier");
        JsonNode ext = extension(rubric);
        // levels: declared in our extension, else found from the criterion levels (by quality, else score)
        Map<String, LevelData> levels = new LinkedHashMap<>();
        Map<String, Double> levelRank = new HashMap<>();
        if (ext.get("levels") != null && ext.get("levels").isArray()) {
            for (JsonNode l : ext.get("levels")) {
                UUID id = uuid(l.get("identifier"), "CFRubrics[0].extensions.capacityhub.levels.identifier");
                levels.put(id.toString(), new LevelData(id, text(l, "code"), texts(l.get("title")),
                        texts(l.get("description"))));
            }
        }
        JsonNode criteria = array(rubric, "CFRubricCriteria");
        Map<UUID, Map<String, List<String>>> statements = new LinkedHashMap<>();
        for (int c = 0; c < criteria.size(); c++) {
            JsonNode criterion = criteria.get(c);
            String place = "CFRubrics[0].CFRubricCriteria[" + c + "]";
            UUID item = uuid(node(criterion, "CFItemURI").get("identifier"), place + ".CFItemURI.identifier");
            if (!items.containsKey(item)) {
                throw new ImportProblem(place, "refers to unknown item " + item + ".");
            }
            JsonNode criterionLevels = array(criterion, "CFRubricCriterionLevels");
            for (int k = 0; k < criterionLevels.size(); k++) {
                JsonNode cl = criterionLevels.get(k);
                String lplace = place + ".CFRubricCriterionLevels[" + k + "]";
                String key;
                JsonNode cle = extension(cl);
                if (text(cle, "level") != null) {
                    key = uuid(cle.get("level"), lplace + ".extensions.capacityhub.level").toString();
                    if (!levels.containsKey(key)) {
                        throw new ImportProblem(lplace, "refers to unknown level " + key + ".");
                    }
                } else {
                    String quality = text(cl, "quality");
                    Double score = cl.get("score") != null && cl.get("score").isNumber() ? cl.get("score").asDouble() : null;
                    Integer position = integer(cl.get("position"));
                    if (quality == null && score == null && position == null) {
                        throw new ImportProblem(lplace, "the level has neither quality, score nor position.");
                    }
                    key = "q:" + (quality != null ? quality : score != null ? score.toString() : position.toString());
                    if (!levels.containsKey(key)) {
                        UUID id = UUID.nameUUIDFromBytes((rubricId + "/" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        levels.put(key, new LevelData(id, null,
                                Map.of(language, quality != null ? quality : key.substring(2)), Map.of()));
                        levelRank.put(key, score != null ? score : position != null ? position : levels.size());
                    }
                }
                String description = text(cl, "description");
                if (description != null) {
                    statements.computeIfAbsent(item, x -> new LinkedHashMap<>())
                            .computeIfAbsent(key, x -> new ArrayList<>()).addAll(split(description));
                }
            }
        }
        List<String> keys = new ArrayList<>(levels.keySet());
        if (!levelRank.isEmpty()) {
            keys.sort((a, b) -> Double.compare(levelRank.getOrDefault(a, 0.0), levelRank.getOrDefault(b, 0.0)));
        }
        // statement texts in other languages come from our extension on the criterion level
        for (Map.Entry<UUID, Map<String, List<String>>> e : statements.entrySet()) {
            List<DescriptorData> list = new ArrayList<>();
            for (String key : keys) {
                for (String s : e.getValue().getOrDefault(key, List.of())) {
                    list.add(new DescriptorData(levels.get(key).identifier(), Map.of(language, s)));
                }
            }
            descriptors.put(e.getKey(), list);
        }
        overlayDescriptorTranslations(criteria, levels, descriptors, language);
        List<LevelData> ordered = keys.stream().map(levels::get).toList();
        return new FrameworkData.Scale(rubricId, overlay(ext.get("title"), language, text(rubric, "title")),
                overlay(ext.get("description"), language, text(rubric, "description")), ordered);
    }

    /** Our extension keeps each statement in every language: {"statements": [{"en": ..., "fr": ...}, ...]}. */
    private static void overlayDescriptorTranslations(JsonNode criteria, Map<String, LevelData> levels,
            Map<UUID, List<DescriptorData>> descriptors, String language) {
        for (JsonNode criterion : criteria) {
            UUID item = UUID.fromString(text(criterion.get("CFItemURI"), "identifier"));
            for (JsonNode cl : array(criterion, "CFRubricCriterionLevels")) {
                JsonNode cle = extension(cl);
                if (text(cle, "level") == null || cle.get("statements") == null || !cle.get("statements").isArray()) {
                    continue;
                }
                UUID level = UUID.fromString(text(cle, "level"));
                List<DescriptorData> current = descriptors.getOrDefault(item, List.of());
                List<DescriptorData> replaced = new ArrayList<>();
                int k = 0;
                for (DescriptorData d : current) {
                    if (d.level().equals(level) && k < cle.get("statements").size()) {
                        Map<String, String> all = new TreeMap<>(texts(cle.get("statements").get(k++)));
                        all.put(language, d.text().get(language));
                        replaced.add(new DescriptorData(level, all));
                    } else {
                        replaced.add(d);
                    }
                }
                descriptors.put(item, replaced);
            }
        }
    }

    static List<String> split(String description) {
        List<String> result = new ArrayList<>();
        for (String line : description.split("\n")) {
            if (!line.isBlank()) {
                result.add(line);
            }
        }
        return result;
    }

    private static JsonNode extension(JsonNode node) {
        JsonNode ext = node == null ? null : node.get("extensions");
        if (ext != null && ext.isObject() && ext.get(EXTENSION) != null && ext.get(EXTENSION).isObject()) {
            return ext.get(EXTENSION);
        }
        return JSON.createObjectNode();
    }

    /** Texts from our extension (all languages) with the standard field's value for the document's language. */
    private static Map<String, String> overlay(JsonNode extension, String language, String standard) {
        Map<String, String> result = new TreeMap<>(texts(extension));
        if (standard != null) {
            result.put(language, standard);
        } else {
            result.remove(language);
        }
        return result;
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> result = new TreeMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue() != null && e.getValue().isString() && !e.getValue().stringValue().isEmpty()) {
                    result.put(Texts.normaliseLanguage(e.getKey()), e.getValue().stringValue());
                }
            }
        }
        return result;
    }

    private static JsonNode node(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || !n.isObject() ? JSON.createObjectNode() : n;
    }

    private static JsonNode array(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return JSON.createArrayNode();
        }
        if (!n.isArray()) {
            throw new ImportProblem(field, "expected a list.");
        }
        return n;
    }

    /** A string field; null, empty and missing all count as absent; numbers and booleans as their text. */
    static String text(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        if (n == null || n.isNull() || n.isContainer()) {
            return null;
        }
        String value = n.isString() ? n.stringValue() : n.asString();
        return value == null || value.isEmpty() ? null : value;
    }

    private static UUID uuid(JsonNode node, String place) {
        if (node == null || node.isNull() || !node.isString()) {
            throw new ImportProblem(place, "missing identifier.");
        }
        try {
            return UUID.fromString(node.stringValue().strip());
        } catch (IllegalArgumentException e) {
            throw new ImportProblem(place, "\"" + node.stringValue() + "\" is not a UUID.");
        }
    }

    private static Integer integer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asInt();
        }
        if (node.isString()) {
            try {
                return Integer.valueOf(node.stringValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode node) {
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                if (n != null && n.isString() && !n.stringValue().isBlank()) {
                    result.add(n.stringValue().strip().replace("|", "/"));
                }
            }
        } else if (node.isString() && !node.stringValue().isBlank()) {
            result.add(node.stringValue().strip().replace("|", "/"));
        }
        return result;
    }

    private static String joined(JsonNode node) {
        List<String> values = strings(node);
        return values.isEmpty() ? null : String.join(",", values);
    }
}
