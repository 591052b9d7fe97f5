package org.capacityhub.framework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.capacityhub.framework.domain.FrameworkVersion;
import org.capacityhub.framework.domain.FrameworkVersionRepository;
import org.capacityhub.framework.exchange.Assembler;
import org.capacityhub.framework.exchange.CaseWriter;
import org.capacityhub.framework.exchange.FrameworkData;
import org.capacityhub.framework.exchange.FrameworkExchange;
import org.capacityhub.platform.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 1EdTech CASE 1.1 read API over the latest published version of each framework (drafts never appear),
 * readable without signing in. Each framework is served in its own language and, under derived identifiers, in
 * each language it has translations for.
 */
@RestController
@RequestMapping(path = "/ims/case/v1p1", produces = MediaType.APPLICATION_JSON_VALUE)
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD})
@Transactional(readOnly = true)
class CaseApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FrameworkVersionRepository versions;
    private final FrameworkExchange exchange;

    CaseApiController(FrameworkVersionRepository versions, FrameworkExchange exchange) {
        this.versions = versions;
        this.exchange = exchange;
    }

    /** Every package served: the latest published version of each framework, in each of its languages. */
    private List<ObjectNode> packages() {
        Map<UUID, FrameworkVersion> latest = new LinkedHashMap<>();
        for (FrameworkVersion v : versions.findAllWithFramework()) {
            if (v.isPublished()) {
                latest.put(v.getFramework().getIdentifier(), v);
            }
        }
        CaseWriter writer = exchange.caseWriter();
        List<ObjectNode> result = new ArrayList<>();
        for (FrameworkVersion v : latest.values()) {
            FrameworkData data = Assembler.read(v);
            for (String language : CaseWriter.languages(data)) {
                result.add(writer.write(data, language, v.getPublishedAt()));
            }
        }
        return result;
    }

    @GetMapping("/CFDocuments")
    ObjectNode documents() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("CFDocuments");
        packages().forEach(p -> list.add(p.get("CFDocument")));
        return body;
    }

    @GetMapping("/CFDocuments/{identifier}")
    JsonNode document(@PathVariable UUID identifier) {
        return pkg(identifier).get("CFDocument");
    }

    @GetMapping("/CFPackages/{identifier}")
    ObjectNode cfPackage(@PathVariable UUID identifier) {
        return pkg(identifier);
    }

    @GetMapping("/CFItems/{identifier}")
    JsonNode item(@PathVariable UUID identifier) {
        return find("CFItems", identifier, "CFItem");
    }

    @GetMapping("/CFAssociations/{identifier}")
    JsonNode association(@PathVariable UUID identifier) {
        return find("CFAssociations", identifier, "CFAssociation");
    }

    @GetMapping("/CFRubrics/{identifier}")
    JsonNode rubric(@PathVariable UUID identifier) {
        return find("CFRubrics", identifier, "CFRubric");
    }

    private ObjectNode pkg(UUID identifier) {
        return packages().stream()
                .filter(p -> identifier.toString().equals(p.get("CFDocument").get("identifier").stringValue()))
                .findFirst().orElseThrow(() -> new NotFoundException("CFDocument", identifier));
    }

    private JsonNode find(String collection, UUID identifier, String what) {
        for (ObjectNode p : packages()) {
            JsonNode list = p.get(collection);
            if (list == null) {
                continue;
            }
            for (JsonNode element : list) {
                if (identifier.toString().equals(element.get("identifier").stringValue())) {
                    return element;
                }
            }
        }
        throw new NotFoundException(what, identifier);
    }
}
