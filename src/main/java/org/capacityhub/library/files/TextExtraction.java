package org.capacityhub.library.files;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.capacityhub.library.LibrarySettings;
import org.capacityhub.library.domain.ExtractionStatus;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceRepository;
import org.capacityhub.platform.AuditContext;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extracts the text of an uploaded file with Apache Tika in a background job (JobRunr), within a time limit and a
 * size limit, and stores it on the resource, which indexes it. A file that cannot be read (broken, encrypted, too
 * slow) keeps the resource as it is, with the extraction marked failed and the reason shown on its page.
 */
@Component
public class TextExtraction {

    private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);
    /** Types worth extracting text from (not images or videos). */
    private static final java.util.Set<String> TEXTUAL = java.util.Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/msword",
            "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation",
            "application/epub+zip", "text/plain", "text/csv");

    private final ResourceRepository resources;
    private final FileStore files;
    private final LibrarySettings settings;
    private final TransactionTemplate transaction;
    private final JobScheduler jobs;
    private final AutoDetectParser parser = new AutoDetectParser();

    TextExtraction(ResourceRepository resources, FileStore files, LibrarySettings settings,
            TransactionTemplate transaction, JobScheduler jobs) {
        this.resources = resources;
        this.files = files;
        this.settings = settings;
        this.transaction = transaction;
        this.jobs = jobs;
    }

    /** Whether text is extracted from files of this type. */
    public static boolean textual(String type) {
        return TEXTUAL.contains(type);
    }

    /** Queues the extraction of a resource's current file (call inside the transaction that attached it). */
    public void schedule(long resourceId, String storage) {
        jobs.enqueue(() -> extract(resourceId, storage));
    }

    /** The background job: extracts the text of the file, if it is still the resource's current file. */
    @Job(name = "Extract the text of library resource %0", retries = 0)
    public void extract(long resourceId, String storage) {
        String text;
        ExtractionStatus failure = null;
        String message = null;
        try {
            text = run(storage);
        } catch (TimeoutException e) {
            text = null;
            failure = ExtractionStatus.FAILED;
            message = "Text extraction took longer than " + settings.extractionTimeout().toSeconds() + " s.";
        } catch (Exception e) {
            text = null;
            failure = ExtractionStatus.FAILED;
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            message = cause instanceof EncryptedDocumentException
                    ? "The file is encrypted or password-protected: its text cannot be read."
                    : "The file could not be read (" + cause.getClass().getSimpleName() + "): it may be damaged.";
            log.info("Text extraction of library resource {} failed: {}", resourceId, cause.toString());
        }
        String extracted = text;
        ExtractionStatus failed = failure;
        String reason = message;
        AuditContext.run("system", AuditContext.Channel.JOB, () -> transaction.executeWithoutResult(status -> {
            Resource resource = resources.findById(resourceId).orElse(null);
            if (resource == null || !storage.equals(resource.getFileStorage())) {
                return; // deleted or replaced meanwhile: a newer job handles the new file
            }
            if (failed != null) {
                resource.extractionFailed(failed, reason);
            } else {
                resource.extracted(extracted);
            }
        }));
    }

    private String run(String storage) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "library-text-extraction");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<String> result = executor.submit(() -> parse(storage));
            return result.get(settings.extractionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            executor.shutdownNow();
        }
    }

    private String parse(String storage) throws Exception {
        int limit = settings.maxExtractedChars();
        BodyContentHandler handler = new BodyContentHandler(limit);
        try (InputStream in = Files.newInputStream(files.path(storage))) {
            parser.parse(in, handler, new Metadata(), new ParseContext());
        } catch (WriteLimitReachedException e) {
            // more text than the limit: keep what was read
        } catch (org.xml.sax.SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
        }
        String text = handler.toString().replace('\u0000', ' ').strip();
        return text.length() > limit ? text.substring(0, limit) : text;
    }

    /** Marks a file whose type carries no text (images, videos). */
    public static ExtractionStatus initialStatus(String type) {
        return textual(type) ? ExtractionStatus.PENDING : ExtractionStatus.SKIPPED;
    }
}
