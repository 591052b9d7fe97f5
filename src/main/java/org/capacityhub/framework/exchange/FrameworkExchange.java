package org.capacityhub.framework.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.capacityhub.framework.domain.FrameworkAccess;
import org.capacityhub.framework.domain.FrameworkRepository;
import org.capacityhub.framework.domain.FrameworkService;
import org.capacityhub.framework.domain.FrameworkVersion;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.PlatformSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Import (CASE JSON or CSV, all-or-nothing, with a preview) and export of frameworks. */
@Service
public class FrameworkExchange {

    /** Largest file accepted for import. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    public enum Format { CASE, CSV }

    /** A file bigger than {@link #MAX_BYTES}. */
    public static class TooLarge extends InvalidInputException {
        public TooLarge() {
            super("file", "framework.import.tooLarge", "The file is larger than 50 MB.");
        }
    }

    /** A file that is neither CASE JSON nor CSV. */
    public static class UnsupportedType extends InvalidInputException {
        public UnsupportedType(String type) {
            super("file", "framework.import.unsupportedType",
                    "Only CASE packages (application/json) and CSV files (text/csv) can be imported, not {0}.", type);
        }
    }

    /** A parsed file, ready to be previewed and committed. */
    public record Parsed(Format format, String filename, FrameworkData data, List<String> warnings,
            boolean existingFramework) implements java.io.Serializable {}

    private final FrameworkService service;
    private final FrameworkRepository frameworks;
    private final FrameworkAccess access;
    private final PlatformSettings settings;

    FrameworkExchange(FrameworkService service, FrameworkRepository frameworks, FrameworkAccess access,
            PlatformSettings settings) {
        this.service = service;
        this.frameworks = frameworks;
        this.access = access;
        this.settings = settings;
    }

    /** Reads at most {@link #MAX_BYTES} from the stream; more is refused. */
    public static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new TooLarge();
        }
        return bytes;
    }

    /** The format from a content type or, failing that, the file name. */
    public static Format formatOf(String contentType, String filename) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") || type.contains("+json")) {
            return Format.CASE;
        }
        if (type.startsWith("text/csv")) {
            return Format.CSV;
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if ((type.isEmpty() || type.startsWith("application/octet-stream") || type.startsWith("text/plain")
                || type.startsWith("application/vnd.ms-excel")) && (name.endsWith(".json") || name.endsWith(".csv"))) {
            return name.endsWith(".json") ? Format.CASE : Format.CSV;
        }
        throw new UnsupportedType(contentType == null || contentType.isBlank() ? "(no type)" : contentType);
    }

    @Transactional(readOnly = true)
    public Parsed parse(byte[] content, Format format, String filename) {
        access.requireEdit();
        if (content.length > MAX_BYTES) {
            throw new TooLarge();
        }
        if (content.length == 0) {
            throw new ImportProblem(null, "the file is empty.");
        }
        List<String> warnings = new ArrayList<>();
        FrameworkData data;
        if (format == Format.CASE) {
            CaseReader reader = new CaseReader(settings.baseUrl());
            data = reader.read(content);
            warnings.addAll(reader.warnings());
            if (reader.translationOf() != null && frameworks.findByIdentifier(reader.translationOf()).isPresent()) {
                FrameworkData original = Assembler.read(service.version(reader.translationOf(), null));
                if (data.language().equals(original.language())) {
                    throw new ImportProblem("CFDocument.language", "a translation package must be in another "
                            + "language than the original framework (" + original.language() + ").");
                }
                warnings.add("This package is the " + data.language() + " translation of framework "
                        + reader.translationOf() + ": its texts replace that language's in a new draft version.");
                data = TranslationMerge.merge(original, data, reader.originalItems(), warnings);
            }
        } else {
            String title = filename == null || filename.isBlank() ? "Imported framework"
                    : filename.replaceFirst("\\.[A-Za-z]+$", "");
            data = CsvFramework.read(content, title);
        }
        boolean existing = data.identifier() != null && frameworks.findByIdentifier(data.identifier()).isPresent();
        if (existing) {
            warnings.add("A framework with identifier " + data.identifier()
                    + " exists: the import becomes a new draft version of it, with a changelog.");
        }
        return new Parsed(format, filename, data, warnings, existing);
    }

    /** Creates the framework (or a new draft version of it); all or nothing, recorded as an import. */
    public FrameworkService.Created commit(Parsed parsed, boolean publish) {
        access.requireEdit();
        return AuditContext.call(access.actor(), AuditContext.Channel.IMPORT,
                () -> service.create(parsed.data(), publish, false));
    }

    @Transactional(readOnly = true)
    public FrameworkData data(UUID identifier, Integer number) {
        return Assembler.read(service.version(identifier, number));
    }

    @Transactional(readOnly = true)
    public byte[] exportCase(UUID identifier, Integer number, String language) {
        FrameworkVersion version = service.version(identifier, number);
        FrameworkData data = Assembler.read(version);
        if (language != null && !CaseWriter.languages(data).contains(language)) {
            throw new InvalidInputException("lang", "framework.export.language",
                    "This framework has no texts in language {0}.", language);
        }
        return new CaseWriter(settings.baseUrl()).bytes(data, language,
                version.getPublishedAt() != null ? version.getPublishedAt() : version.getCreatedAt());
    }

    @Transactional(readOnly = true)
    public byte[] exportCsv(UUID identifier, Integer number) {
        return CsvFramework.write(Assembler.read(service.version(identifier, number)));
    }

    public CaseWriter caseWriter() {
        return new CaseWriter(settings.baseUrl());
    }
}
