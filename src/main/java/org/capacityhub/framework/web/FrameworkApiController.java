package org.capacityhub.framework.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.capacityhub.framework.domain.Changelog;
import org.capacityhub.framework.domain.FrameworkService;
import org.capacityhub.framework.domain.FrameworkVersion;
import org.capacityhub.framework.domain.NodeRepository;
import org.capacityhub.framework.exchange.Assembler;
import org.capacityhub.framework.exchange.FrameworkData;
import org.capacityhub.framework.exchange.FrameworkExchange;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API for frameworks: reading (everyone with a token: published versions; editors: drafts too), editing
 * drafts, publishing, crosswalks, changelog, export (CASE, CSV) and import.
 */
@RestController
@RequestMapping("/api/v1/frameworks")
class FrameworkApiController {

    private final FrameworkService service;
    private final FrameworkExchange exchange;
    private final NodeRepository nodes;
    private final MessageSource messages;

    FrameworkApiController(FrameworkService service, FrameworkExchange exchange, NodeRepository nodes,
            MessageSource messages) {
        this.service = service;
        this.exchange = exchange;
        this.nodes = nodes;
        this.messages = messages;
    }

    record Summary(UUID identifier, String title, String language, String publisher, boolean builtIn,
            Integer publishedVersion, Integer draftVersion) {}

    record VersionInfo(UUID identifier, int number, String versionLabel, String status, Instant createdAt,
            String createdBy, Instant publishedAt) {}

    record VersionDocument(VersionInfo version, FrameworkData content) {}

    record CreatedResponse(UUID identifier, int version, boolean newFramework) {}

    @GetMapping
    List<Summary> list() {
        return service.list().stream().map(l -> new Summary(l.framework().getIdentifier(),
                l.current().getTitle().in(LocaleContextHolder.getLocale().getLanguage(), l.current().getLanguage()),
                l.current().getLanguage(), l.current().getPublisher(), l.framework().isBuiltIn(),
                l.current().isPublished() ? l.current().getNumber() : null,
                l.draft() == null ? null : l.draft().getNumber())).toList();
    }

    @GetMapping("/{identifier}")
    @Transactional(readOnly = true)
    VersionDocument get(@PathVariable UUID identifier, @RequestParam(required = false) Integer version) {
        FrameworkVersion v = service.version(identifier, version);
        return new VersionDocument(info(v), Assembler.read(v));
    }

    @GetMapping("/{identifier}/versions")
    List<VersionInfo> versions(@PathVariable UUID identifier) {
        return service.versions(identifier).stream().map(FrameworkApiController::info).toList();
    }

    @GetMapping("/{identifier}/changelog")
    Changelog changelog(@PathVariable UUID identifier, @RequestParam int from, @RequestParam int to) {
        return service.changelog(identifier, from, to);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedResponse> create(@RequestBody FrameworkData data) {
        FrameworkData fresh = new FrameworkData(null, data.language() == null ? "en" : data.language(),
                data.versionLabel(), data.title(), data.publisher(), data.creator(), data.licence(),
                data.description(), data.sourceUri(), data.guide(), data.scale(), data.nodes(), data.associations());
        return created(service.create(fresh, false, false));
    }

    @PostMapping("/{identifier}/draft")
    ResponseEntity<VersionInfo> newDraft(@PathVariable UUID identifier) {
        FrameworkVersion draft = service.newDraft(identifier);
        return ResponseEntity.status(HttpStatus.CREATED).body(info(draft));
    }

    @DeleteMapping("/{identifier}/draft")
    ResponseEntity<Void> discardDraft(@PathVariable UUID identifier) {
        service.discardDraft(identifier);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{identifier}/draft")
    ResponseEntity<Void> editDocument(@PathVariable UUID identifier, @RequestBody FrameworkService.DocumentEdit edit) {
        service.editDocument(identifier, edit);
        return ResponseEntity.noContent().build();
    }

    record NewNode(UUID parent, FrameworkService.NodeEdit node) {}

    record NodeCreated(UUID identifier) {}

    @PostMapping("/{identifier}/draft/nodes")
    ResponseEntity<NodeCreated> addNode(@PathVariable UUID identifier, @RequestBody NewNode body) {
        if (body.node() == null) {
            throw new org.capacityhub.platform.InvalidInputException("node", "framework.node.title.required",
                    "Every item needs a title.");
        }
        UUID id = service.addNode(identifier, body.parent(), body.node()).getIdentifier();
        return ResponseEntity.status(HttpStatus.CREATED).body(new NodeCreated(id));
    }

    @PutMapping("/{identifier}/draft/nodes/{node}")
    ResponseEntity<Void> editNode(@PathVariable UUID identifier, @PathVariable UUID node,
            @RequestBody FrameworkService.NodeEdit edit) {
        service.editNode(identifier, node, edit);
        return ResponseEntity.noContent().build();
    }

    record Move(UUID parent, int position) {}

    @PostMapping("/{identifier}/draft/nodes/{node}/move")
    ResponseEntity<Void> moveNode(@PathVariable UUID identifier, @PathVariable UUID node, @RequestBody Move move) {
        service.moveNode(identifier, node, move.parent(), move.position());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{identifier}/draft/nodes/{node}")
    ResponseEntity<Void> deleteNode(@PathVariable UUID identifier, @PathVariable UUID node) {
        service.deleteNode(identifier, node);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{identifier}/draft/nodes/{node}/descriptors")
    ResponseEntity<Void> descriptors(@PathVariable UUID identifier, @PathVariable UUID node,
            @RequestBody Map<UUID, List<Map<String, String>>> byLevel) {
        service.setDescriptors(identifier, node, byLevel);
        return ResponseEntity.noContent().build();
    }

    record LevelCreated(UUID identifier) {}

    @PostMapping("/{identifier}/draft/levels")
    ResponseEntity<LevelCreated> addLevel(@PathVariable UUID identifier, @RequestBody FrameworkService.LevelEdit edit) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new LevelCreated(service.addLevel(identifier, edit).getIdentifier()));
    }

    @PutMapping("/{identifier}/draft/levels/{level}")
    ResponseEntity<Void> editLevel(@PathVariable UUID identifier, @PathVariable UUID level,
            @RequestBody FrameworkService.LevelEdit edit) {
        service.editLevel(identifier, level, edit);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{identifier}/draft/levels/{level}")
    ResponseEntity<Void> removeLevel(@PathVariable UUID identifier, @PathVariable UUID level) {
        service.removeLevel(identifier, level);
        return ResponseEntity.noContent().build();
    }

    record CrosswalkCreated(UUID identifier) {}

    @PostMapping("/{identifier}/draft/crosswalks")
    ResponseEntity<CrosswalkCreated> addCrosswalk(@PathVariable UUID identifier,
            @RequestBody FrameworkService.CrosswalkEdit edit) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CrosswalkCreated(service.addCrosswalk(identifier, edit, nodes).getIdentifier()));
    }

    @DeleteMapping("/{identifier}/draft/crosswalks/{association}")
    ResponseEntity<Void> removeCrosswalk(@PathVariable UUID identifier, @PathVariable UUID association) {
        service.removeAssociation(identifier, association);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{identifier}/draft/publish")
    VersionInfo publish(@PathVariable UUID identifier) {
        return info(service.publish(identifier));
    }

    @GetMapping("/{identifier}/export/case")
    ResponseEntity<byte[]> exportCase(@PathVariable UUID identifier, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String lang) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + identifier
                        + (lang == null ? "" : "-" + lang) + ".case.json\"")
                .body(exchange.exportCase(identifier, version, lang));
    }

    @GetMapping("/{identifier}/export/csv")
    ResponseEntity<byte[]> exportCsv(@PathVariable UUID identifier, @RequestParam(required = false) Integer version) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + identifier + ".csv\"")
                .body(exchange.exportCsv(identifier, version));
    }

    /** Imports a CASE package (application/json) or a CSV file (text/csv) sent as the request body. */
    @PostMapping(path = "/import", consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<CreatedResponse> importFile(HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean publish,
            @RequestParam(required = false) String filename) throws IOException {
        if (request.getContentLengthLong() > FrameworkExchange.MAX_BYTES) {
            throw new FrameworkExchange.TooLarge();
        }
        byte[] content = FrameworkExchange.readLimited(request.getInputStream());
        FrameworkExchange.Format format = FrameworkExchange.formatOf(request.getContentType(), filename);
        FrameworkExchange.Parsed parsed = exchange.parse(content, format, filename);
        return created(exchange.commit(parsed, publish));
    }

    @ExceptionHandler(FrameworkExchange.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(FrameworkExchange.TooLarge e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                messages.getMessage(e, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(FrameworkExchange.UnsupportedType.class)
    ResponseEntity<ProblemDetail> unsupported(FrameworkExchange.UnsupportedType e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                messages.getMessage(e, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private ResponseEntity<CreatedResponse> created(FrameworkService.Created c) {
        return ResponseEntity.created(URI.create("/api/v1/frameworks/" + c.identifier()))
                .body(new CreatedResponse(c.identifier(), c.number(), c.newFramework()));
    }

    static VersionInfo info(FrameworkVersion v) {
        return new VersionInfo(v.getFramework().getIdentifier(), v.getNumber(), v.getVersionLabel(),
                v.getStatus().name(), v.getCreatedAt(), v.getCreatedBy(), v.getPublishedAt());
    }
}
