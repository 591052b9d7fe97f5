package org.capacityhub.library.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.exchange.ResourceCsv.Converted;
import org.capacityhub.library.exchange.ResourceImport.RowError;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformSettings;
import org.capacityhub.platform.PlatformUser;
import org.capacityhub.platform.UserFacingException;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * CSV import of library resources in two steps. <b>Preview</b>: the file is read and every row checked with the
 * same rules as the resource form (nothing is stored but the import itself and, when every row is valid, the file);
 * the importer sees each row's errors. <b>Confirm</b>: a background job (JobRunr) makes one draft per row, owned by
 * the importer, all in one transaction: either every row becomes a draft or, if a row is refused after all (e.g. a
 * resource it translates became unreadable meanwhile), none does. Only the importer sees an import.
 */
@Service
@Transactional
public class ResourceImports {

    /** Rows per file. */
    public static final int MAX_ROWS = 20_000;
    /** Files with more rows are checked in the background (with progress) rather than in the request. */
    public static final int CHECK_IN_REQUEST = 500;
    /** Size of a file. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private static final Pattern STORAGE = Pattern.compile("[0-9a-f-]{36}\\.csv");

    private final ResourceImportRepository imports;
    private final ResourceCsv csv;
    private final LibraryService service;
    private final DirectoryAccess access;
    private final JobScheduler jobs;
    private final Path directory;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate write;

    ResourceImports(ResourceImportRepository imports, ResourceCsv csv, LibraryService service, DirectoryAccess access,
            JobScheduler jobs, PlatformSettings platform, PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
        this.imports = imports;
        this.csv = csv;
        this.service = service;
        this.access = access;
        this.jobs = jobs;
        this.directory = platform.dataDir().resolve("library-imports").toAbsolutePath().normalize();
    }

    /**
     * Reads and checks a file; the import keeps the errors of each row, and the file when there are none. The rows
     * are checked in a read-only transaction (nothing to flush however many rows), the import saved in its own.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ResourceImport preview(String fileName, byte[] bytes) {
        PlatformUser user = access.requireUser();
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "library.import.tooLarge", "The file is larger than 20 MB", 20);
        }
        ResourceCsv.Table table = csv.read(bytes, MAX_ROWS);
        if (table.records().size() > CHECK_IN_REQUEST) {
            String storage = UUID.randomUUID() + ".csv";
            return write.execute(s -> {
                ResourceImport result = imports.save(ResourceImport.checking(user.personId(), user.accountId(),
                        user.username(), user.displayName(), user.administrator(), fileName, storage,
                        table.records().size(), Instant.now()));
                write(storage, bytes);
                long id = result.getId();
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        jobs.<ImportJob>enqueue(job -> job.check(id));
                    }
                });
                return result;
            });
        }
        Checked checked = check(table, done -> { });
        String storage = checked.count() == 0 ? UUID.randomUUID() + ".csv" : null;
        return write.execute(s -> {
            ResourceImport result = imports.save(new ResourceImport(user.personId(), user.accountId(),
                    user.username(), user.displayName(), user.administrator(), fileName, storage,
                    table.records().size(), checked.errors(), checked.count(), Instant.now()));
            if (storage != null) {
                write(storage, bytes);
            }
            return result;
        });
    }

    /** The errors found (the first {@link ResourceImport#KEPT_ERRORS}) and how many there are. */
    record Checked(List<RowError> errors, int count) {}

    /**
     * Checks every row as the current user, in a read-only transaction (nothing to flush however many rows);
     * {@code progress} hears how many rows are checked, every {@value ImportJob#STEP}.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    Checked check(ResourceCsv.Table table, java.util.function.IntConsumer progress) {
        ResourceCsv.Competencies competencies = csv.competencies();
        List<RowError> errors = new ArrayList<>();
        int[] errorCount = {0};
        readOnly.executeWithoutResult(s -> {
            int done = 0;
            for (CSVRecord record : table.records()) {
                Converted converted = csv.convert(table, record, competencies);
                List<RowError> found = converted.errors().isEmpty() ? service.problemWith(converted.input())
                        .map(e -> List.of(error(converted.row(), e))).orElse(List.of()) : converted.errors();
                errorCount[0] += found.size();
                if (errors.size() < ResourceImport.KEPT_ERRORS) {
                    errors.addAll(found);
                }
                if (++done % ImportJob.STEP == 0) {
                    progress.accept(done);
                }
            }
        });
        return new Checked(errors, errorCount[0]);
    }

    static RowError error(int row, UserFacingException e) {
        Object[] arguments = e.getArguments();
        return new RowError(row, ResourceCsv.column(e.field()), e.getCodes()[0],
                arguments == null || arguments.length == 0 || arguments[0] == null ? null
                        : String.valueOf(arguments[0]), e.getMessage());
    }

    /** An import of the current user (404 for anyone else's). */
    @Transactional(readOnly = true)
    public ResourceImport own(long id) {
        long me = access.requireUser().personId();
        ResourceImport found = imports.findById(id).filter(i -> i.getPersonId() == me)
                .orElseThrow(() -> new NotFoundException("Import", id));
        found.getErrors().size();
        return found;
    }

    /** Starts writing the drafts of a previewed import without errors, in the background. */
    public ResourceImport confirm(long id) {
        ResourceImport found = own(id);
        if (!ResourceImport.READY.equals(found.getState())) {
            throw new ConflictException(null, "library.import.notReady",
                    "Only a checked file without errors can be imported, once");
        }
        found.queued();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jobs.<ImportJob>enqueue(job -> job.run(id));
            }
        });
        return found;
    }

    /** The first rows of a ready import, column by column, for the preview. */
    @Transactional(readOnly = true)
    public List<Map<String, String>> sample(ResourceImport found, int rows) {
        if (found.getStorage() == null) {
            return List.of();
        }
        ResourceCsv.Table table = csv.read(read(found.getStorage()), MAX_ROWS);
        List<Map<String, String>> result = new ArrayList<>();
        for (CSVRecord record : table.records().subList(0, Math.min(rows, table.records().size()))) {
            Map<String, String> cells = new HashMap<>(csv.convert(table, record, new ResourceCsv.Competencies(Map.of()))
                    .cells());
            cells.put("#row", String.valueOf(record.getRecordNumber() + 1));
            result.add(cells);
        }
        return result;
    }

    // --- the stored file -------------------------------------------------------------------------------------------

    private Path path(String storage) {
        if (!STORAGE.matcher(storage).matches()) {
            throw new IllegalArgumentException("Not a stored import: " + storage);
        }
        return directory.resolve(storage);
    }

    private void write(String storage, byte[] bytes) {
        Path target = path(storage);
        try {
            Files.createDirectories(directory);
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    delete(storage);
                }
            }
        });
    }

    byte[] read(String storage) {
        try {
            return Files.readAllBytes(path(storage));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String storage) {
        try {
            Files.deleteIfExists(path(storage));
        } catch (IOException e) {
            // left behind; harmless
        }
    }
}
