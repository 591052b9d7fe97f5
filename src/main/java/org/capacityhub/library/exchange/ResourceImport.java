package org.capacityhub.library.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One CSV import of library resources: the uploaded file (kept under the data directory until the import ends),
 * the preview's per-row errors, then the background job's progress and outcome. Seen only by its importer.
 * <p>
 * States: {@code CHECKING} (a big file being checked in the background), {@code INVALID} (the preview found errors; nothing can be imported), {@code READY} (no errors; waiting for
 * the importer's confirmation), {@code QUEUED}, {@code RUNNING}, {@code DONE} (every row is a draft), {@code FAILED}
 * (a row was refused while writing: nothing was stored).
 */
@Entity
@Table(name = "library_import")
public class ResourceImport {

    public static final String CHECKING = "CHECKING";
    public static final String INVALID = "INVALID";
    public static final String READY = "READY";
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** At most this many errors are kept (and shown); {@link #errorCount} counts them all. */
    public static final int KEPT_ERRORS = 500;

    /** One problem of one row, as a message code (rendered in the reader's language) and its argument. */
    @Embeddable
    public static class RowError {
        @Column(name = "csv_row", nullable = false)
        private int row;
        @Column(name = "column_name")
        private String column;
        @Column(nullable = false)
        private String code;
        private String argument;
        private String message;

        protected RowError() {}

        public RowError(int row, String column, String code, String argument, String message) {
            this.row = row;
            this.column = column;
            this.code = code;
            this.argument = argument == null ? null : cut(argument, 500);
            this.message = message == null ? null : cut(message, 1000);
        }

        public int getRow() { return row; }
        public String getColumn() { return column; }
        public String getCode() { return code; }
        public String getArgument() { return argument; }
        public String getMessage() { return message; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(nullable = false)
    private boolean administrator;

    @Column(name = "file_name")
    private String fileName;

    private String storage;

    @Column(name = "row_count", nullable = false)
    private int rowCount;

    @Column(name = "error_count", nullable = false)
    private int errorCount;

    @Column(nullable = false)
    private String state;

    @Column(nullable = false)
    private int done;

    @Column(name = "failure_row")
    private Integer failureRow;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_argument")
    private String failureArgument;

    @Column(name = "failure_message")
    private String failureMessage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "library_import_error", joinColumns = @JoinColumn(name = "import_id"))
    @OrderColumn(name = "error_index")
    private List<RowError> errors = new ArrayList<>();

    protected ResourceImport() {}

    ResourceImport(long personId, long accountId, String username, String displayName, boolean administrator,
            String fileName, String storage, int rowCount, List<RowError> errors, int errorCount, Instant now) {
        this.personId = personId;
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.administrator = administrator;
        this.fileName = fileName == null ? null : cut(fileName, 255);
        this.storage = storage;
        this.rowCount = rowCount;
        this.errors.addAll(errors.subList(0, Math.min(errors.size(), KEPT_ERRORS)));
        this.errorCount = errorCount;
        this.state = errorCount == 0 ? READY : INVALID;
        this.createdAt = now;
    }

    /** A big file whose rows are checked in the background. */
    static ResourceImport checking(long personId, long accountId, String username, String displayName,
            boolean administrator, String fileName, String storage, int rowCount, Instant now) {
        ResourceImport result = new ResourceImport(personId, accountId, username, displayName, administrator,
                fileName, storage, rowCount, List.of(), 0, now);
        result.state = CHECKING;
        return result;
    }

    /** The background check is over: ready, or invalid with the errors found (and the file no longer kept). */
    void checked(List<RowError> found, int count) {
        this.errors.clear();
        this.errors.addAll(found.subList(0, Math.min(found.size(), KEPT_ERRORS)));
        this.errorCount = count;
        this.done = 0;
        this.state = count == 0 ? READY : INVALID;
        if (count > 0) {
            this.storage = null;
        }
    }

    void queued() {
        this.state = QUEUED;
    }

    void running() {
        this.state = RUNNING;
    }

    void progressed(int done) {
        this.done = done;
    }

    void finished(int done, Instant now) {
        this.state = DONE;
        this.done = done;
        this.storage = null;
        this.finishedAt = now;
    }

    void failed(Integer row, String code, String argument, String message, Instant now) {
        this.state = FAILED;
        this.done = 0;
        this.failureRow = row;
        this.failureCode = code;
        this.failureArgument = argument == null ? null : cut(argument, 500);
        this.failureMessage = message == null ? null : cut(message, 1000);
        this.storage = null;
        this.finishedAt = now;
    }

    public boolean finished() {
        return DONE.equals(state) || FAILED.equals(state) || INVALID.equals(state);
    }

    public boolean inProgress() {
        return CHECKING.equals(state) || QUEUED.equals(state) || RUNNING.equals(state);
    }

    public int percent() {
        return rowCount == 0 ? 100 : (int) Math.floor(100.0 * done / rowCount);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() { return id; }
    public long getPersonId() { return personId; }
    public long getAccountId() { return accountId; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public boolean isAdministrator() { return administrator; }
    public String getFileName() { return fileName; }
    public String getStorage() { return storage; }
    public int getRowCount() { return rowCount; }
    public int getErrorCount() { return errorCount; }
    public String getState() { return state; }
    public int getDone() { return done; }
    public Integer getFailureRow() { return failureRow; }
    public String getFailureCode() { return failureCode; }
    public String getFailureArgument() { return failureArgument; }
    public String getFailureMessage() { return failureMessage; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public List<RowError> getErrors() { return errors; }
}
