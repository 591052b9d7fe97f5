package org.capacityhub.assessment.web;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Exports of an assessment (same access as its report): the report as PDF and the raw ratings as CSV and XLSX,
 * from the report page ({@code /assessments/{id}/report.pdf}, …) and the API
 * ({@code /api/v1/assessments/{id}/report.pdf}, …).
 */
@Controller
class ExportController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ReportExports exports;

    ExportController(ReportExports exports) {
        this.exports = exports;
    }

    /** The same exports in the API (errors as problem documents). */
    @org.springframework.web.bind.annotation.RestController
    @org.springframework.web.bind.annotation.RequestMapping("/api/v1/assessments/{id}")
    @Tag(name = "Assessments")
    static class Api {

        private final ExportController pages;

        Api(ExportController pages) {
            this.pages = pages;
        }

        @GetMapping("/report.pdf")
        @Operation(summary = "The assessment's report as PDF (radar chart, levels, findings, evidence, participants)")
        ResponseEntity<byte[]> pdf(@PathVariable long id) {
            return pages.pdf(id);
        }

        @GetMapping("/ratings.csv")
        @Operation(summary = "The raw ratings as CSV, one row per section (cells that could run as formulas are "
                + "prefixed with an apostrophe)")
        ResponseEntity<byte[]> csv(@PathVariable long id) {
            return pages.csv(id);
        }

        @GetMapping("/ratings.xlsx")
        @Operation(summary = "The raw ratings as an Excel workbook, one row per section")
        ResponseEntity<byte[]> xlsx(@PathVariable long id) {
            return pages.xlsx(id);
        }
    }

    @GetMapping("/assessments/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return send(exports.pdf(id), MediaType.APPLICATION_PDF, "assessment-" + id + "-report.pdf", true);
    }

    @GetMapping("/assessments/{id}/ratings.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        return send(exports.csv(id), CSV, "assessment-" + id + "-ratings.csv", false);
    }

    @GetMapping("/assessments/{id}/ratings.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return send(exports.xlsx(id), XLSX, "assessment-" + id + "-ratings.xlsx", false);
    }

    static ResponseEntity<byte[]> send(byte[] body, MediaType type, String name, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }
}
