package org.capacityhub.framework.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.capacityhub.framework.domain.Texts;
import org.capacityhub.framework.exchange.FrameworkData.AssociationData;
import org.capacityhub.framework.exchange.FrameworkData.DescriptorData;
import org.capacityhub.framework.exchange.FrameworkData.LevelData;
import org.capacityhub.framework.exchange.FrameworkData.NodeData;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a framework version as a CASE 1.1 CFPackage. A CASE document carries one language: the package in the
 * framework's own language keeps the CASE identifiers and carries every translation in
 * {@code extensions.capacityhub}; the package in another language has identifiers derived from the original ones
 * (the same on every export) and points to the original with {@code extensions.capacityhub.translationOf}, and
 * the original lists its translations in {@code extensions.capacityhub.translations}.
 */
public final class CaseWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    private final String baseUrl;

    /** @param baseUrl the public address of this installation, for the URIs of documents and items */
    public CaseWriter(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static UUID translated(UUID identifier, String language) {
        return UUID.nameUUIDFromBytes((identifier + "/" + language).getBytes(StandardCharsets.UTF_8));
    }

    /** Every language any text of the framework is written in, its own first. */
    public static List<String> allLanguages(FrameworkData data) {
        java.util.LinkedHashSet<String> result = new java.util.LinkedHashSet<>(languages(data));
        result.addAll(data.description().keySet());
        if (data.scale() != null) {
            result.addAll(data.scale().title().keySet());
            data.scale().levels().forEach(l -> {
                result.addAll(l.title().keySet());
                result.addAll(l.description().keySet());
            });
        }
        data.nodes().forEach(n -> {
            result.addAll(n.alternativeLabel().keySet());
            result.addAll(n.description().keySet());
            n.descriptors().forEach(d -> result.addAll(d.text().keySet()));
            n.supportingQuestions().forEach(q -> result.addAll(q.keySet()));
        });
        return List.copyOf(result);
    }

    /** The languages a package is served in: those of the framework's title and its items' titles. */
    public static List<String> languages(FrameworkData data) {
        java.util.LinkedHashSet<String> result = new java.util.LinkedHashSet<>();
        result.add(data.language());
        result.addAll(data.title().keySet());
        data.nodes().forEach(n -> result.addAll(n.title().keySet()));
        return List.copyOf(result);
    }

    public byte[] bytes(FrameworkData data, String language, Instant lastChange) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(write(data, language, lastChange));
    }

    public ObjectNode write(FrameworkData data, String language, Instant lastChange) {
        String lang = language == null ? data.language() : Texts.normaliseLanguage(language);
        boolean primary = lang.equals(data.language());
        String changed = DATE_TIME.format((lastChange == null ? Instant.now() : lastChange).truncatedTo(ChronoUnit.SECONDS));
        UUID docId = primary ? data.identifier() : translated(data.identifier(), lang);
        Map<UUID, UUID> ids = new LinkedHashMap<>();
        data.nodes().forEach(n -> ids.put(n.identifier(), primary ? n.identifier() : translated(n.identifier(), lang)));

        ObjectNode pkg = JSON.createObjectNode();
        ObjectNode doc = pkg.putObject("CFDocument");
        doc.put("identifier", docId.toString());
        doc.put("uri", uri("CFDocuments", docId));
        doc.put("frameworkType", "Competency framework");
        doc.put("caseVersion", "1.1");
        String creator = data.creator() != null ? data.creator() : data.publisher() != null ? data.publisher() : "Capacity Hub";
        doc.put("creator", creator);
        doc.put("title", text(data.title(), lang, data.language()));
        doc.put("lastChangeDateTime", changed);
        putIf(doc, "officialSourceURL", data.sourceUri());
        putIf(doc, "publisher", data.publisher());
        putIf(doc, "description", text(data.description(), lang, data.language()));
        doc.put("language", lang);
        putIf(doc, "version", data.versionLabel());
        doc.put("adoptionStatus", "Implemented");
        if (data.licence() != null) {
            ObjectNode licence = doc.putObject("licenseURI");
            licence.put("title", data.licence());
            UUID licenceId = UUID.nameUUIDFromBytes(("licence/" + data.licence()).getBytes(StandardCharsets.UTF_8));
            licence.put("identifier", licenceId.toString());
            licence.put("uri", data.licence().startsWith("http") ? data.licence() : uri("CFLicenses", licenceId));
        }
        doc.put("CFPackageURI", uri("CFPackages", docId));
        ObjectNode docExt = doc.putObject("extensions").putObject(CaseReader.EXTENSION);
        if (primary) {
            docExt.set("title", texts(data.title()));
            docExt.set("description", texts(data.description()));
            docExt.put("creator", data.creator());
            docExt.put("licence", data.licence());
            ObjectNode guide = docExt.putObject("guide");
            guide.set("introduction", texts(data.guide().introduction()));
            guide.set("definitions", texts(data.guide().definitions()));
            guide.set("instructions", texts(data.guide().instructions()));
            ArrayNode translations = docExt.putArray("translations");
            for (String other : languages(data)) {
                if (!other.equals(lang)) {
                    ObjectNode t = translations.addObject();
                    t.put("language", other);
                    t.put("identifier", translated(data.identifier(), other).toString());
                    t.put("uri", uri("CFPackages", translated(data.identifier(), other)));
                }
            }
        } else {
            docExt.put("translationOf", data.identifier().toString());
            docExt.put("translationOfUri", uri("CFPackages", data.identifier()));
            ObjectNode guide = docExt.putObject("guide");
            guide.set("introduction", single(data.guide().introduction(), lang, data.language()));
            guide.set("definitions", single(data.guide().definitions(), lang, data.language()));
            guide.set("instructions", single(data.guide().instructions(), lang, data.language()));
        }

        ArrayNode items = pkg.putArray("CFItems");
        ArrayNode associations = pkg.putArray("CFAssociations");
        Map<UUID, Integer> siblingIndex = new LinkedHashMap<>();
        java.util.Set<String> types = new java.util.LinkedHashSet<>();
        for (NodeData n : data.nodes()) {
            UUID id = ids.get(n.identifier());
            ObjectNode item = items.addObject();
            item.put("identifier", id.toString());
            item.put("uri", uri("CFItems", id));
            item.put("CFDocumentURI", uri("CFDocuments", docId));
            item.put("fullStatement", text(n.title(), lang, data.language()));
            putIf(item, "alternativeLabel", text(n.alternativeLabel(), lang, data.language()));
            putIf(item, "humanCodingScheme", n.code());
            putIf(item, "listEnumeration", n.listEnumeration());
            if (!n.keywords().isEmpty()) {
                ArrayNode keywords = item.putArray("conceptKeywords");
                n.keywords().forEach(keywords::add);
            }
            putIf(item, "notes", text(n.description(), lang, data.language()));
            item.put("language", lang);
            if (n.educationLevel() != null) {
                ArrayNode levels = item.putArray("educationLevel");
                for (String l : n.educationLevel().split(",")) {
                    levels.add(l);
                }
            }
            if (n.itemType() != null) {
                item.put("CFItemType", n.itemType());
                types.add(n.itemType());
                ObjectNode typeUri = item.putObject("CFItemTypeURI");
                typeUri.put("title", n.itemType());
                typeUri.put("identifier", typeId(n.itemType()).toString());
                typeUri.put("uri", uri("CFItemTypes", typeId(n.itemType())));
            }
            item.put("lastChangeDateTime", changed);
            ObjectNode ext = item.putObject("extensions").putObject(CaseReader.EXTENSION);
            if (primary) {
                ext.set("fullStatement", texts(n.title()));
                ext.set("alternativeLabel", texts(n.alternativeLabel()));
                ext.set("notes", texts(n.description()));
                ArrayNode questions = ext.putArray("supportingQuestions");
                n.supportingQuestions().forEach(q -> questions.add(texts(q)));
            } else {
                ext.put("translationOf", n.identifier().toString());
                ArrayNode questions = ext.putArray("supportingQuestions");
                n.supportingQuestions().forEach(q -> questions.add(single(q, lang, data.language())));
            }
            // the tree
            UUID parentKey = n.parent() == null ? docId : n.parent();
            int seq = siblingIndex.merge(parentKey, 1, Integer::sum);
            ObjectNode child = associations.addObject();
            UUID assocId = UUID.nameUUIDFromBytes(("isChildOf/" + id).getBytes(StandardCharsets.UTF_8));
            child.put("identifier", assocId.toString());
            child.put("uri", uri("CFAssociations", assocId));
            child.put("associationType", "isChildOf");
            child.put("sequenceNumber", seq);
            child.put("CFDocumentURI", uri("CFDocuments", docId));
            link(child.putObject("originNodeURI"), text(n.title(), lang, data.language()), id, "CFItems");
            if (n.parent() == null) {
                link(child.putObject("destinationNodeURI"), text(data.title(), lang, data.language()), docId, "CFDocuments");
            } else {
                NodeData p = data.nodes().stream().filter(x -> x.identifier().equals(n.parent())).findFirst().orElseThrow();
                link(child.putObject("destinationNodeURI"), text(p.title(), lang, data.language()), ids.get(n.parent()), "CFItems");
            }
            child.put("lastChangeDateTime", changed);
        }
        for (AssociationData a : data.associations()) {
            ObjectNode assoc = associations.addObject();
            UUID assocId = primary ? a.identifier() : translated(a.identifier(), lang);
            assoc.put("identifier", assocId.toString());
            assoc.put("uri", uri("CFAssociations", assocId));
            assoc.put("associationType", a.type());
            if (a.sequenceNumber() != null) {
                assoc.put("sequenceNumber", a.sequenceNumber());
            }
            assoc.put("CFDocumentURI", uri("CFDocuments", docId));
            UUID origin = ids.getOrDefault(a.origin(), a.origin().equals(data.identifier()) ? docId : a.origin());
            link(assoc.putObject("originNodeURI"), title(data, a.origin(), lang), origin, "CFItems");
            UUID destination = ids.getOrDefault(a.destination(), a.destination());
            ObjectNode dest = assoc.putObject("destinationNodeURI");
            dest.put("title", a.destinationTitle() != null ? a.destinationTitle() : title(data, a.destination(), lang));
            dest.put("identifier", destination.toString());
            dest.put("uri", a.destinationUri() != null ? a.destinationUri() : uri("CFItems", destination));
            assoc.put("lastChangeDateTime", changed);
        }
        if (!types.isEmpty()) {
            ArrayNode itemTypes = pkg.putObject("CFDefinitions").putArray("CFItemTypes");
            for (String t : types) {
                ObjectNode type = itemTypes.addObject();
                type.put("identifier", typeId(t).toString());
                type.put("uri", uri("CFItemTypes", typeId(t)));
                type.put("title", t);
                type.put("description", t);
                type.put("hierarchyCode", "1");
                type.put("lastChangeDateTime", changed);
            }
        }
        if (data.scale() != null) {
            writeRubric(pkg.putArray("CFRubrics"), data, lang, primary, ids, changed);
        }
        return pkg;
    }

    private void writeRubric(ArrayNode rubrics, FrameworkData data, String lang, boolean primary, Map<UUID, UUID> ids,
            String changed) {
        FrameworkData.Scale scale = data.scale();
        UUID rubricId = primary ? scale.identifier() : translated(scale.identifier(), lang);
        ObjectNode rubric = rubrics.addObject();
        rubric.put("identifier", rubricId.toString());
        rubric.put("uri", uri("CFRubrics", rubricId));
        putIf(rubric, "title", text(scale.title(), lang, data.language()));
        putIf(rubric, "description", text(scale.description(), lang, data.language()));
        rubric.put("lastChangeDateTime", changed);
        ObjectNode ext = rubric.putObject("extensions").putObject(CaseReader.EXTENSION);
        if (primary) {
            ext.set("title", texts(scale.title()));
            ext.set("description", texts(scale.description()));
        }
        ArrayNode levels = ext.putArray("levels");
        for (LevelData l : scale.levels()) {
            ObjectNode level = levels.addObject();
            level.put("identifier", l.identifier().toString());
            level.put("code", l.code());
            level.set("title", primary ? texts(l.title()) : single(l.title(), lang, data.language()));
            level.set("description", primary ? texts(l.description()) : single(l.description(), lang, data.language()));
        }
        ArrayNode criteria = rubric.putArray("CFRubricCriteria");
        int position = 0;
        for (NodeData n : data.nodes()) {
            if (n.descriptors().isEmpty()) {
                continue;
            }
            UUID id = ids.get(n.identifier());
            UUID criterionId = UUID.nameUUIDFromBytes((rubricId + "/" + id).getBytes(StandardCharsets.UTF_8));
            ObjectNode criterion = criteria.addObject();
            criterion.put("identifier", criterionId.toString());
            criterion.put("uri", uri("CFRubricCriteria", criterionId));
            putIf(criterion, "category", n.code());
            criterion.put("description", text(n.title(), lang, data.language()));
            link(criterion.putObject("CFItemURI"), text(n.title(), lang, data.language()), id, "CFItems");
            criterion.put("position", ++position);
            criterion.put("rubricId", rubricId.toString());
            criterion.put("lastChangeDateTime", changed);
            ArrayNode criterionLevels = criterion.putArray("CFRubricCriterionLevels");
            int rank = 0;
            for (LevelData l : scale.levels()) {
                rank++;
                List<DescriptorData> statements = n.descriptors().stream()
                        .filter(d -> d.level().equals(l.identifier())).toList();
                if (statements.isEmpty()) {
                    continue;
                }
                UUID levelId = UUID.nameUUIDFromBytes((criterionId + "/" + l.identifier()).getBytes(StandardCharsets.UTF_8));
                ObjectNode cl = criterionLevels.addObject();
                cl.put("identifier", levelId.toString());
                cl.put("uri", uri("CFRubricCriterionLevels", levelId));
                List<String> lines = new ArrayList<>();
                statements.forEach(d -> lines.add(text(d.text(), lang, data.language())));
                cl.put("description", String.join("\n", lines));
                cl.put("quality", text(l.title(), lang, data.language()));
                cl.put("score", rank);
                cl.put("position", rank);
                cl.put("rubricCriterionId", criterionId.toString());
                cl.put("lastChangeDateTime", changed);
                ObjectNode cle = cl.putObject("extensions").putObject(CaseReader.EXTENSION);
                cle.put("level", l.identifier().toString());
                if (primary) {
                    ArrayNode all = cle.putArray("statements");
                    statements.forEach(d -> all.add(texts(d.text())));
                }
            }
        }
    }

    private String title(FrameworkData data, UUID identifier, String lang) {
        if (identifier.equals(data.identifier())) {
            return text(data.title(), lang, data.language());
        }
        return data.nodes().stream().filter(n -> n.identifier().equals(identifier)).findFirst()
                .map(n -> text(n.title(), lang, data.language())).orElse(identifier.toString());
    }

    private void link(ObjectNode target, String title, UUID identifier, String kind) {
        target.put("title", title);
        target.put("identifier", identifier.toString());
        target.put("uri", uri(kind, identifier));
    }

    private String uri(String kind, UUID identifier) {
        return baseUrl + "/ims/case/v1p1/" + kind + "/" + identifier;
    }

    private static UUID typeId(String type) {
        return UUID.nameUUIDFromBytes(("itemType/" + type).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Map<String, String> texts, String lang, String fallback) {
        return Texts.of(texts).in(lang, fallback);
    }

    private static ObjectNode texts(Map<String, String> texts) {
        ObjectNode node = JSON.createObjectNode();
        texts.forEach(node::put);
        return node;
    }

    private static ObjectNode single(Map<String, String> texts, String lang, String fallback) {
        ObjectNode node = JSON.createObjectNode();
        String value = text(texts, lang, fallback);
        if (value != null) {
            node.put(lang, value);
        }
        return node;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
