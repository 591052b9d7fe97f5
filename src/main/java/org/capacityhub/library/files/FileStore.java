package org.capacityhub.library.files;

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
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.capacityhub.library.LibrarySettings;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The library's file storage: files live under the data directory (outside the web root) under random names; each
 * is checked before it is kept — size limit, content type detected from its bytes (never from its name or the
 * browser's claim), an allowed type, and a name whose extension agrees with its content (an executable renamed
 * {@code .pdf} is refused). A file written inside a transaction that rolls back is deleted again, so nothing is
 * stored half-way.
 */
@Component
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern STORAGE_NAME = Pattern.compile("[0-9a-f\\-]{36}");

    /** Allowed content types and the file-name extensions that may carry them. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("application/pdf", Set.of("pdf")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of("pptx")),
            Map.entry("application/msword", Set.of("doc")),
            Map.entry("application/vnd.ms-excel", Set.of("xls")),
            Map.entry("application/vnd.ms-powerpoint", Set.of("ppt")),
            Map.entry("application/vnd.oasis.opendocument.text", Set.of("odt")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", Set.of("ods")),
            Map.entry("application/vnd.oasis.opendocument.presentation", Set.of("odp")),
            Map.entry("application/epub+zip", Set.of("epub")),
            Map.entry("text/plain", Set.of("txt", "md")),
            Map.entry("text/csv", Set.of("csv")),
            Map.entry("image/png", Set.of("png")),
            Map.entry("image/jpeg", Set.of("jpg", "jpeg")),
            Map.entry("video/mp4", Set.of("mp4")));

    private final Path directory;
    private final long maxBytes;
    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    FileStore(LibrarySettings settings, PlatformSettings platform) {
        this.directory = (settings.filesDir() != null ? settings.filesDir()
                : platform.dataDir().resolve("library-files")).toAbsolutePath().normalize();
        this.maxBytes = settings.maxUploadSize().toBytes();
    }

    public long maxMegabytes() {
        return maxBytes / (1024 * 1024);
    }

    /**
     * Checks and stores a file; inside a transaction, the file is deleted again if the transaction rolls back.
     *
     * @throws FileTooLargeException above the limit
     * @throws InvalidInputException for an empty file, a type that is not allowed or a name that disagrees with
     *                               the content
     */
    public StoredFile store(String originalName, long declaredSize, InputStream content) {
        if (declaredSize > maxBytes) {
            throw new FileTooLargeException(maxMegabytes());
        }
        String name = cleanName(originalName);
        String storage = UUID.randomUUID().toString();
        Path target = directory.resolve(storage);
        Path temporary = directory.resolve(storage + ".part");
        try {
            Files.createDirectories(directory);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = content;
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                size = copyAtMost(in, out, maxBytes);
            }
            if (size > maxBytes) {
                throw new FileTooLargeException(maxMegabytes());
            }
            if (size == 0) {
                throw new InvalidInputException("file", "library.file.empty", "The file is empty");
            }
            String type = detect(temporary, name);
            Set<String> extensions = ALLOWED.get(type);
            if (extensions == null) {
                throw new InvalidInputException("file", "library.file.typeRefused",
                        "Files of type " + type + " are not accepted", type);
            }
            if (!extensions.contains(extension(name))) {
                throw new InvalidInputException("file", "library.file.nameMismatch",
                        "The file's content (" + type + ") does not match its name", type);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            deleteOnRollback(target);
            return new StoredFile(name, storage, type, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an uploaded file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                log.warn("Could not delete the temporary file {}", temporary, e);
            }
        }
    }

    /** The stored file; only names this store gave out are accepted. */
    public Path path(String storage) {
        if (storage == null || !STORAGE_NAME.matcher(storage).matches()) {
            throw new IllegalArgumentException("Not a storage name: " + storage);
        }
        return directory.resolve(storage);
    }

    public boolean exists(String storage) {
        return storage != null && STORAGE_NAME.matcher(storage).matches() && Files.isRegularFile(path(storage));
    }

    private String detect(Path file, String name) throws IOException {
        Metadata metadata = new Metadata();
        // the name only helps to tell apart formats with the same container (e.g. zip-based ones); bytes decide
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream in = TikaInputStream.get(file)) {
            MediaType type = detector.detect(in, metadata);
            return type.getBaseType().toString();
        }
    }

    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > max) {
                return total;
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private void deleteOnRollback(Path target) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        try {
                            Files.deleteIfExists(target);
                        } catch (IOException e) {
                            log.warn("Could not delete {} after a rollback", target, e);
                        }
                    }
                }
            });
        }
    }

    static String cleanName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("file", "library.file.required", "Choose a file");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
