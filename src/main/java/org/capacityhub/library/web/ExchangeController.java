package org.capacityhub.library.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.exchange.ResourceCsv;
import org.capacityhub.library.exchange.ResourceExport;
import org.capacityhub.library.exchange.ResourceImport;
import org.capacityhub.library.exchange.ResourceImports;
import org.capacityhub.library.search.SearchQuery;
import org.capacityhub.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** CSV export of what one sees (search results or one's own resources) and CSV import: upload, preview, confirm. */
@Controller
@RequestMapping("/library")
class ExchangeController {

    private final ResourceExport export;
    private final ResourceImports imports;
    private final MessageSource messages;

    ExchangeController(ResourceExport export, ResourceImports imports, MessageSource messages) {
        this.export = export;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String scope,
            @RequestParam(required = false) String q, @RequestParam(required = false) Set<Long> competency,
            @RequestParam(required = false) Set<String> kind, @RequestParam(required = false) Set<String> language,
            @RequestParam(required = false) Set<String> country, @RequestParam(required = false) Set<String> region,
            @RequestParam(required = false) Set<Integer> level, @RequestParam(required = false) Set<String> licence,
            @RequestParam(required = false) Set<String> delivery, @RequestParam(required = false) String sort) {
        byte[] body = "mine".equals(scope) ? export.mine()
                : export.search(new SearchQuery(q, competency, LibraryController.enums(ResourceKind.class, kind),
                        language, country, region, level, licence, LibraryController.enums(Delivery.class, delivery),
                        "date".equals(sort), 0, 100));
        return csv(body, "mine".equals(scope) ? "my-library-resources.csv" : "library-resources.csv");
    }

    static ResponseEntity<byte[]> csv(byte[] body, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "private, no-store");
        return ResponseEntity.ok().headers(headers).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    @GetMapping("/import")
    String importForm(Model model) {
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("columns", ResourceCsv.COLUMNS);
        model.addAttribute("exportOnly", ResourceCsv.EXPORT_ONLY);
        model.addAttribute("maxRows", ResourceImports.MAX_ROWS);
        return "library/import";
    }

    @PostMapping("/import")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "library.file.required", "Choose a file");
            }
            if (file.getSize() > ResourceImports.MAX_BYTES) {
                throw new InvalidInputException("file", "library.import.tooLarge", "The file is larger than 20 MB", 20);
            }
            ResourceImport done = imports.preview(file.getOriginalFilename(), file.getBytes());
            return "redirect:/library/imports/" + done.getId();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("fileError", messages.getMessage(e, LocaleContextHolder.getLocale()));
            return form(model);
        }
    }

    @GetMapping("/imports/{id}")
    String preview(@PathVariable long id, Model model) {
        ResourceImport found = imports.own(id);
        model.addAttribute("run", found);
        model.addAttribute("sample", ResourceImport.READY.equals(found.getState()) ? imports.sample(found, 20)
                : java.util.List.of());
        return "library/import-run";
    }

    /** The progress alone, polled by the page (HTMX) while the job runs. */
    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        ResourceImport found = imports.own(id);
        if (ResourceImport.READY.equals(found.getState()) || ResourceImport.INVALID.equals(found.getState())) {
            // a background check is over: the whole page changes (errors, or the sample and the confirm button)
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", found);
        return "library/import-run :: progress";
    }

    @PostMapping("/imports/{id}/confirm")
    String confirm(@PathVariable long id) {
        imports.confirm(id);
        return "redirect:/library/imports/" + id;
    }
}
