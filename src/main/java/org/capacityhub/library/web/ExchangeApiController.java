package org.capacityhub.library.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.exchange.ResourceExport;
import org.capacityhub.library.exchange.ResourceImport;
import org.capacityhub.library.exchange.ResourceImports;
import org.capacityhub.library.search.SearchQuery;
import org.capacityhub.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV export and import of library resources over REST (see docs/library.md for the columns). */
@RestController
@RequestMapping("/api/v1/library")
@Tag(name = "Library", description = "Knowledge resources, their review cycle and full-text search")
class ExchangeApiController {

    /** One problem of one row; {@code message} in the caller's language. */
    record RowErrorView(int row, String column, String code, String message) {}

    /**
     * An import: {@code state} CHECKING (a file of more than 500 rows checked in the background; {@code done} rows
     * so far), INVALID (errors; nothing can be imported), READY (confirm it), QUEUED, RUNNING ({@code done} rows
     * written so far), DONE (every row is a draft of the importer) or FAILED (nothing was stored; {@code failure}
     * says why).
     */
    record ImportView(long id, String state, String fileName, int rows, int errorCount, List<RowErrorView> errors,
            int done, int percent, RowErrorView failure) {}

    private final ResourceExport export;
    private final ResourceImports imports;
    private final MessageSource messages;

    ExchangeApiController(ResourceExport export, ResourceImports imports, MessageSource messages) {
        this.export = export;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Resources as CSV: the published ones a search finds (same parameters as the search), or "
            + "scope=mine for one's own resources in every state; text cells that could run as formulas start with '")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String scope,
            @RequestParam(required = false) String q, @RequestParam(required = false) Set<Long> competency,
            @RequestParam(required = false) Set<ResourceKind> kind, @RequestParam(required = false) Set<String> language,
            @RequestParam(required = false) Set<String> country, @RequestParam(required = false) Set<String> region,
            @RequestParam(required = false) Set<Integer> level, @RequestParam(required = false) Set<String> licence,
            @RequestParam(required = false) Set<Delivery> delivery, @RequestParam(required = false) String sort) {
        byte[] body = "mine".equals(scope) ? export.mine()
                : export.search(new SearchQuery(q, competency, kind, language, country, region, level, licence,
                        delivery, "date".equals(sort), 0, 100));
        return ExchangeController.csv(body, "mine".equals(scope) ? "my-library-resources.csv" : "library-resources.csv");
    }

    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a CSV file (multipart field 'file'): the import with each row's errors; confirm it "
            + "when it has none")
    ResponseEntity<ImportView> upload(@RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "library.file.required", "Choose a file");
        }
        if (file.getSize() > ResourceImports.MAX_BYTES) {
            throw new InvalidInputException("file", "library.import.tooLarge", "The file is larger than 20 MB", 20);
        }
        return created(imports.preview(file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping(value = "/imports", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a CSV file sent as the request body")
    ResponseEntity<ImportView> uploadBody(@RequestBody byte[] body) {
        if (body.length == 0) {
            throw new InvalidInputException("file", "library.file.required", "Choose a file");
        }
        return created(imports.preview("import.csv", body));
    }

    private ResponseEntity<ImportView> created(ResourceImport done) {
        return ResponseEntity.created(URI.create("/api/v1/library/imports/" + done.getId())).body(view(done));
    }

    @GetMapping(value = "/imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An import of the current user: its errors, or its progress and outcome")
    ImportView get(@PathVariable long id) {
        return view(imports.own(id));
    }

    @PostMapping(value = "/imports/{id}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a checked file without errors: drafts of the current user, made in the background "
            + "(all rows or none); 409 if it has errors or was already confirmed")
    ResponseEntity<ImportView> confirm(@PathVariable long id) {
        return ResponseEntity.accepted().body(view(imports.confirm(id)));
    }

    private String message(String code, String argument, String fallback, Locale locale) {
        return messages.getMessage(code, argument == null ? null : new Object[] {argument}, fallback, locale);
    }

    private ImportView view(ResourceImport i) {
        Locale locale = LocaleContextHolder.getLocale();
        List<RowErrorView> errors = i.getErrors().stream().map(e -> new RowErrorView(e.getRow(), e.getColumn(),
                e.getCode(), message(e.getCode(), e.getArgument(), e.getMessage(), locale)))
                .toList();
        RowErrorView failure = i.getFailureCode() == null ? null : new RowErrorView(
                i.getFailureRow() == null ? 0 : i.getFailureRow(), null, i.getFailureCode(),
                message(i.getFailureCode(), i.getFailureArgument(), i.getFailureMessage(), locale));
        return new ImportView(i.getId(), i.getState(), i.getFileName(), i.getRowCount(), i.getErrorCount(), errors,
                i.getDone(), i.percent(), failure);
    }
}
