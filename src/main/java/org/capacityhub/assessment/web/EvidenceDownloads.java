package org.capacityhub.assessment.web;

import java.nio.charset.StandardCharsets;

import org.capacityhub.assessment.domain.EvidenceFileService;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How an evidence file is sent: with the type detected at upload (never the browser's claim), "nosniff", and as
 * an attachment unless it is a PDF or an image a browser shows safely.
 */
final class EvidenceDownloads {

    private EvidenceDownloads() {}

    static ResponseEntity<Resource> send(EvidenceFileService.Download download) {
        ContentDisposition disposition = (download.inline() ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(download.file().name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.file().mediaType()))
                .contentLength(download.file().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new FileSystemResource(download.path()));
    }
}
