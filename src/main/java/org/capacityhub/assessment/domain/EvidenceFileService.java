package org.capacityhub.assessment.domain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Files uploaded as evidence on an assessment's sections.
 * <ul>
 * <li>The type is detected from the bytes (Apache Tika), the file name only refining a container (a zip that is
 * a .docx); only {@link #ALLOWED} types are kept, so an executable renamed ".pdf" is refused.</li>
 * <li>Size: at most {@code capacityhub.assessment.evidence.max-file-size} (default 20 MB), counted while
 * reading, never trusting a declared length; a bigger file is refused with {@link EvidenceTooLargeException}.</li>
 * <li>Stored under {@code <data dir>/evidence/} with a random name, its SHA-256 recorded. File and row are written
 * both or neither: the file is removed when the transaction does not commit, and deleted only after the row's
 * deletion commits.</li>
 * <li>Seen by whoever may see the assessment (others get "not found"); added and deleted by its editors while it
 * is editable, never once submitted.</li>
 * </ul>
 */
@Service
@Transactional
public class EvidenceFileService {

    private static final Logger log = LoggerFactory.getLogger(EvidenceFileService.class);

    /** Detected types that are kept, with the label the pages show. */
    public static final Map<String, String> ALLOWED = new LinkedHashMap<>();
    static {
        ALLOWED.put("application/pdf", "PDF");
        ALLOWED.put("image/png", "PNG");
        ALLOWED.put("image/jpeg", "JPEG");
        ALLOWED.put("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX");
        ALLOWED.put("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX");
        ALLOWED.put("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX");
        ALLOWED.put("application/vnd.oasis.opendocument.text", "ODT");
        ALLOWED.put("application/vnd.oasis.opendocument.spreadsheet", "ODS");
        ALLOWED.put("application/vnd.oasis.opendocument.presentation", "ODP");
        ALLOWED.put("text/plain", "TXT");
        ALLOWED.put("text/csv", "CSV");
    }

    /** Types a browser may show itself (served inline); everything else is served as a download. */
    public static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg");

    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";
    static final int MAX_FILES_PER_SECTION = 20;
    static final int MAX_NAME = 255;

    private final AssessmentService assessments;
    private final EvidenceFileRepository files;
    private final Path directory;
    private final long maxBytes;
    private final Tika tika = new Tika();
    private final SecureRandom random = new SecureRandom();

    EvidenceFileService(AssessmentService assessments, EvidenceFileRepository files, PlatformSettings settings,
            @Value("${capacityhub.assessment.evidence.max-file-size:20MB}") DataSize maxFileSize) {
        this.assessments = assessments;
        this.files = files;
        this.directory = settings.dataDir().resolve("evidence");
        this.maxBytes = maxFileSize.toBytes();
    }

    /** What pages and the API show of an evidence file. */
    public record FileView(long id, long assessmentId, long competencyId, String name, String mediaType,
            String typeLabel, long size, String sha256, String uploadedBy, Instant uploadedAt) {

        static FileView of(EvidenceFile f) {
            return new FileView(f.getId(), f.getAssessmentId(), f.getCompetencyId(), f.getOriginalName(),
                    f.getMediaType(), ALLOWED.getOrDefault(f.getMediaType(), f.getMediaType()), f.getSizeBytes(),
                    f.getSha256(), f.getUploadedBy(), f.getUploadedAt());
        }

        /** The size for people: "512 bytes", "34 KB", "2.1 MB". */
        public String sizeText() {
            if (size < 1024) {
                return size + " B";
            }
            if (size < 1024 * 1024) {
                return (size + 1023) / 1024 + " KB";
            }
            return String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
        }
    }

    /** A file to send: its description and where its bytes are. */
    public record Download(FileView file, Path path) {

        public boolean inline() {
            return INLINE.contains(file.mediaType());
        }
    }

    /** The size limit, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    public long maxMegabytes() {
        return maxBytes / (1024 * 1024);
    }

    /** The files of an assessment the current user may see, by section (competency id), in upload order. */
    @Transactional(readOnly = true)
    public Map<Long, List<FileView>> bySection(long assessmentId) {
        assessments.visible(assessmentId);
        Map<Long, List<FileView>> result = new LinkedHashMap<>();
        for (EvidenceFile f : files.findByAssessmentIdOrderByIdAsc(assessmentId)) {
            result.computeIfAbsent(f.getCompetencyId(), k -> new java.util.ArrayList<>()).add(FileView.of(f));
        }
        return result;
    }

    /** The files of one section (for templates: {@code ${@evidenceFileService.forSection(a.id, s.competencyId)}}). */
    @Transactional(readOnly = true)
    public List<FileView> forSection(long assessmentId, long competencyId) {
        assessments.visible(assessmentId);
        return files.findByAssessmentIdAndCompetencyIdOrderByIdAsc(assessmentId, competencyId).stream()
                .map(FileView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<FileView> list(long assessmentId) {
        assessments.visible(assessmentId);
        return files.findByAssessmentIdOrderByIdAsc(assessmentId).stream().map(FileView::of).toList();
    }

    /** A file of an assessment the current user may see; "not found" otherwise. */
    @Transactional(readOnly = true)
    public Download download(long assessmentId, long fileId) {
        assessments.visible(assessmentId);
        EvidenceFile f = files.findById(fileId).filter(x -> x.getAssessmentId() == assessmentId)
                .orElseThrow(() -> new NotFoundException("EvidenceFile", fileId));
        Path path = directory.resolve(f.getStoredName());
        if (!Files.isRegularFile(path)) {
            log.error("Evidence file {} of assessment {} is missing from {}", fileId, assessmentId, path);
            throw new NotFoundException("EvidenceFile", fileId);
        }
        return new Download(FileView.of(f), path);
    }

    /**
     * Stores an uploaded file as evidence for a section (by the competency id of the section). Reads at most the
     * size limit plus one byte: a bigger file is refused before anything is kept.
     */
    public FileView upload(long assessmentId, long competencyId, String originalName, InputStream content) {
        Assessment a = assessments.lockedForEdit(assessmentId);
        if (!a.getState().isEditable()) {
            throw new ConflictException("state", "assessment.locked", "This assessment is submitted: reopen it to "
                    + "change it.", a.getState().name());
        }
        if (a.getSections().stream().noneMatch(s -> s.getCompetencyId() == competencyId)) {
            throw new InvalidInputException("competencyId", "assessment.section.unknown",
                    "Competency " + competencyId + " is not a section of this assessment.", competencyId);
        }
        if (files.countByAssessmentIdAndCompetencyId(assessmentId, competencyId) >= MAX_FILES_PER_SECTION) {
            throw new InvalidInputException("file", "assessment.file.tooMany",
                    "At most " + MAX_FILES_PER_SECTION + " files per section.", MAX_FILES_PER_SECTION);
        }
        String name = cleanName(originalName);
        Path temporary = null;
        Path stored = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, ".upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = copyLimited(content, temporary, sha);
            if (size > maxBytes) {
                throw new EvidenceTooLargeException(maxMegabytes());
            }
            if (size == 0) {
                throw new InvalidInputException("file", "assessment.file.empty", "The file is empty.");
            }
            String type = detect(temporary, name);
            if (!ALLOWED.containsKey(type)) {
                throw new InvalidInputException("file", "assessment.file.type",
                        "This kind of file (" + type + ") is not accepted.", type);
            }
            String storedName = randomName();
            stored = directory.resolve(storedName);
            Files.move(temporary, stored, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            removeUnlessCommitted(stored);
            EvidenceFile saved = files.saveAndFlush(new EvidenceFile(assessmentId, competencyId, storedName, name,
                    type, size, HexFormat.of().formatHex(sha.digest()), AuditContext.currentActor(), Instant.now()));
            stored = null;
            return FileView.of(saved);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an evidence file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temporary);
            if (stored != null && !TransactionSynchronizationManager.isSynchronizationActive()) {
                deleteQuietly(stored);
            }
        }
    }

    /** Deletes a file of an editable assessment; its bytes go once the deletion commits. */
    public void delete(long assessmentId, long fileId) {
        Assessment a = assessments.lockedForEdit(assessmentId);
        EvidenceFile f = files.findById(fileId).filter(x -> x.getAssessmentId() == assessmentId)
                .orElseThrow(() -> new NotFoundException("EvidenceFile", fileId));
        if (!a.getState().isEditable()) {
            throw new ConflictException("state", "assessment.locked", "This assessment is submitted: reopen it to "
                    + "change it.", a.getState().name());
        }
        files.delete(f);
        files.flush();
        Path path = directory.resolve(f.getStoredName());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteQuietly(path);
            }
        });
    }

    /** The type detected from the bytes; the name only refines a generic container type (zip → docx). */
    String detect(Path file, String name) throws IOException {
        String type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = tika.detect(in, name);
        }
        type = type.toLowerCase(java.util.Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters).strip();
        }
        if (type.startsWith(OOXML) && !isOfficeOpenXml(file)) {
            return "application/zip";
        }
        return type;
    }

    /** A real Office Open XML package names its parts in "[Content_Types].xml" (a zip renamed .docx does not). */
    private static boolean isOfficeOpenXml(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < 10_000) {
                if ("[Content_Types].xml".equals(entry.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Copies at most the limit plus one byte (so that "too big" is known without reading everything). */
    private long copyLimited(InputStream content, Path target, MessageDigest sha) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                long room = maxBytes + 1 - total;
                int keep = (int) Math.min(read, room);
                out.write(buffer, 0, keep);
                total += keep;
                if (total > maxBytes) {
                    break;
                }
            }
        }
        return total;
    }

    private void removeUnlessCommitted(Path stored) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(stored);
                    }
                }
            });
        }
    }

    private String randomName() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The name without any folder, control characters or more than {@link #MAX_NAME} characters. */
    static String cleanName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "evidence";
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}", path, e);
        }
    }
}
