package org.capacityhub.library.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.capacityhub.library.Library;
import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceInput;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.library.files.FileTooLargeException;
import org.capacityhub.library.search.IndexHealth;
import org.capacityhub.library.search.LibrarySearch;
import org.capacityhub.library.search.SearchQuery;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.planning.Suggestion;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The library over REST: search, resources, their file and cycle, the index, and resources for gaps. */
@RestController
@RequestMapping(value = "/api/v1/library", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Library", description = "Knowledge resources, their review cycle and full-text search")
class LibraryApiController {

    /** A resource as the API shows it (texts as plain text; clients escape them). */
    record ResourceView(long id, String kind, String status, int version, String title, String summary,
            String language, Set<String> languages, String countryCode, String region, String delivery,
            Integer durationHours, BigDecimal costAmount, String costCurrency, String licence, String linkUrl,
            String visibility, Long organisationId, long authorPersonId, Integer levelRank, Set<Long> competencyIds,
            Set<Integer> sdgs, String fileName, String fileType, Long fileSize, String fileSha256,
            String extractionStatus, String extractionMessage, long views, long downloads, Instant publishedAt) {

        static ResourceView of(Resource r) {
            return new ResourceView(r.getId(), r.getKind().name(), r.getStatus().name(), r.getVersionNumber(),
                    r.getTitle(), r.getSummary(), r.getLanguage(), r.getLanguages(), r.getCountryCode(), r.getRegion(),
                    r.getDelivery().name(), r.getDurationHours(), r.getCostAmount(), r.getCostCurrency(),
                    r.getLicence(), r.getLinkUrl(), r.getVisibility().name(), r.getOrganisationId(),
                    r.getAuthorPersonId(), r.getLevelRank(), r.getCompetencyIds(), r.getSdgs(), r.getFileName(),
                    r.getFileType(), r.getFileSize(), r.getFileSha256(),
                    r.getExtractionStatus() == null ? null : r.getExtractionStatus().name(), r.getExtractionMessage(),
                    r.getViewCount(), r.getDownloadCount(), r.getPublishedAt());
        }
    }

    /** One search hit: {@code titleHtml} and {@code snippetHtml} are escaped HTML with only {@code <mark>} added. */
    record HitView(ResourceView resource, String titleHtml, String snippetHtml, float score) {}

    record SearchView(long total, int page, int size, List<HitView> hits, Map<String, Map<String, Long>> facets) {}

    /** A null inside a list is refused while reading (400 naming the field), never dereferenced later. */
    record ResourceRequest(ResourceKind kind, String title, String summary, String coverText, String language,
            @JsonSetter(contentNulls = Nulls.FAIL) Set<String> otherLanguages, String countryCode, String region, Delivery delivery, Integer durationHours,
            BigDecimal costAmount, String costCurrency, String licence, String linkUrl, Visibility visibility,
            Integer levelRank, @JsonSetter(contentNulls = Nulls.FAIL) Set<Integer> sdgs,
            @JsonSetter(contentNulls = Nulls.FAIL) Set<Long> competencyIds, Long translationOfId, Long seriesId,
            String useContext, String useChallenge, String useApproach, String useResults, String useLessons,
            String useContacts) {

        ResourceInput input() {
            return new ResourceInput(kind, title, summary, coverText, language, otherLanguages, countryCode, region,
                    delivery, durationHours, costAmount, costCurrency, licence, linkUrl, visibility, levelRank, sdgs,
                    competencyIds, translationOfId, seriesId, useContext, useChallenge, useApproach, useResults,
                    useLessons, useContacts);
        }
    }

    record SubmitRequest(Set<Long> reviewerIds) {}

    record IndexStatus(long indexed, IndexHealth.Rebuild lastRebuild) {}

    private final LibraryService service;
    private final LibrarySearch search;
    private final IndexHealth index;
    private final DirectoryAccess access;
    private final Library library;
    private final MessageSource messages;

    LibraryApiController(LibraryService service, LibrarySearch search, IndexHealth index, DirectoryAccess access,
            Library library, MessageSource messages) {
        this.service = service;
        this.search = search;
        this.index = index;
        this.access = access;
        this.library = library;
        this.messages = messages;
    }

    @ExceptionHandler(FileTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(FileTooLargeException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                        messages.getMessage(e, LocaleContextHolder.getLocale())));
    }

    @GetMapping("/resources")
    @Operation(summary = "Search published resources (words, facets; sort=date for newest first)")
    SearchView search(@RequestParam(required = false) String q, @RequestParam(required = false) Set<Long> competency,
            @RequestParam(required = false) Set<ResourceKind> kind, @RequestParam(required = false) Set<String> language,
            @RequestParam(required = false) Set<String> country, @RequestParam(required = false) Set<String> region,
            @RequestParam(required = false) Set<Integer> level, @RequestParam(required = false) Set<String> licence,
            @RequestParam(required = false) Set<Delivery> delivery, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var results = search.search(new SearchQuery(q, competency, kind, language, country, region, level, licence,
                delivery, "date".equals(sort), page, size));
        return new SearchView(results.total(), results.page(), results.size(), results.hits().stream()
                .map(h -> new HitView(ResourceView.of(h.resource()), h.title().html(),
                        h.snippet() == null ? null : h.snippet().html(), h.score())).toList(), results.facets());
    }

    @GetMapping("/resources/mine")
    @Operation(summary = "The current user's own resources, all statuses")
    List<ResourceView> mine() {
        return service.myWork().stream().map(ResourceView::of).toList();
    }

    @PostMapping(value = "/resources", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a draft")
    ResponseEntity<ResourceView> create(@RequestBody ResourceRequest request) {
        long id = service.create(request.input());
        return ResponseEntity.created(URI.create("/api/v1/library/resources/" + id))
                .body(ResourceView.of(service.readable(id)));
    }

    @GetMapping("/resources/{id}")
    @Operation(summary = "A resource the current user may read")
    ResourceView get(@PathVariable long id) {
        return ResourceView.of(service.readable(id));
    }

    @PutMapping(value = "/resources/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a draft (its author)")
    ResourceView update(@PathVariable long id, @RequestBody ResourceRequest request) {
        service.update(id, request.input());
        return ResourceView.of(service.readable(id));
    }

    @PostMapping(value = "/resources/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file to a draft (type checked from its bytes; 413 above the limit)")
    ResourceView upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "library.file.required", "Choose a file");
        }
        service.attachFile(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
        return ResourceView.of(service.readable(id));
    }

    @PostMapping(value = "/resources/{id}/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a draft for review to the chosen reviewers")
    ResourceView submit(@PathVariable long id, @RequestBody SubmitRequest request) {
        service.submit(id, request.reviewerIds() == null ? Set.of() : request.reviewerIds());
        return ResourceView.of(service.readable(id));
    }

    @PostMapping("/resources/{id}/publish")
    @Operation(summary = "Publish a resource in review (a chosen reviewer)")
    ResourceView publish(@PathVariable long id) {
        service.publish(id);
        return ResourceView.of(service.readable(id));
    }

    @PostMapping("/resources/{id}/archive")
    @Operation(summary = "Archive a published resource")
    ResourceView archive(@PathVariable long id) {
        service.archive(id);
        return ResourceView.of(service.readable(id));
    }

    @GetMapping("/gaps")
    @Operation(summary = "Resources for the gaps of an assessment against a target profile")
    List<Map<String, Object>> gaps(@RequestParam long assessmentId, @RequestParam long targetProfileId,
            @RequestParam(required = false) Set<String> language, @RequestParam(defaultValue = "5") int perGap) {
        return library.forGaps(assessmentId, targetProfileId, language == null ? Set.of() : language,
                Math.max(1, Math.min(perGap, 50)))
                .orElseThrow(() -> new NotFoundException("Assessment", assessmentId)).stream()
                .map(g -> Map.<String, Object>of("competencyId", g.competency().id(), "competency",
                        g.competency().title(), "gap", g.gap().gap(), "suggestions",
                        g.suggestions().stream().map(LibraryApiController::view).toList()))
                .toList();
    }

    private static Map<String, Object> view(Suggestion s) {
        return Map.of("reference", s.reference(), "title", s.title(), "url", s.url(), "competencyId",
                s.competencyId(), "reason", s.reason(), "score", s.score());
    }

    @GetMapping("/index")
    @Operation(summary = "The search index's state (administrators)")
    IndexStatus indexStatus() {
        access.requireAdministrator();
        return new IndexStatus(index.indexedCount(), index.last());
    }

    @PostMapping("/index/rebuild")
    @Operation(summary = "Rebuild the search index from the database (administrators); runs in the background")
    ResponseEntity<IndexStatus> rebuild() {
        access.requireAdministrator();
        index.rebuild("administrator");
        return ResponseEntity.accepted().body(new IndexStatus(index.indexedCount(), index.last()));
    }
}
