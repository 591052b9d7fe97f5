package org.capacityhub.library.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceVersion;
import org.capacityhub.platform.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves a resource's file to those who may read the resource: with the type detected at upload, never sniffed
 * ({@code nosniff}), as an attachment unless it is a PDF or an image, and under a sandboxing policy.
 */
@Controller
class FileController {

    private final LibraryService service;

    FileController(LibraryService service) {
        this.service = service;
    }

    @GetMapping({"/library/resources/{id}/file", "/api/v1/library/resources/{id}/file"})
    ResponseEntity<InputStreamResource> download(@PathVariable long id) throws IOException {
        Resource r = service.readable(id);
        if (!r.hasFile()) {
            throw new NotFoundException("File of resource", id);
        }
        service.countDownload(r);
        return serve(r.getFileName(), r.getFileType(), r.getFileSize(), service.open(r));
    }

    /** The file of an earlier (or the current) published version, to those who may read the resource. */
    @GetMapping({"/library/resources/{id}/versions/{number}/file",
            "/api/v1/library/resources/{id}/versions/{number}/file"})
    ResponseEntity<InputStreamResource> downloadVersion(@PathVariable long id, @PathVariable int number)
            throws IOException {
        ResourceVersion v = service.versionWithFile(id, number);
        service.countDownload(service.readable(id));
        return serve(v.getFileName(), v.getFileType() == null ? "application/octet-stream" : v.getFileType(),
                v.getFileSize(), service.open(v));
    }

    static ResponseEntity<InputStreamResource> serve(String name, String type, Long size, InputStream content) {
        boolean inline = type.equals("application/pdf") || type.startsWith("image/");
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(disposition);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "private, no-store");
        if (!type.equals("application/pdf")) {
            headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        }
        if (size != null) {
            headers.setContentLength(size);
        }
        return ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(type))
                .body(new InputStreamResource(content));
    }
}
