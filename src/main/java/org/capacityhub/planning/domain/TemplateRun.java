package org.capacityhub.planning.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One application of a template to many organisations, run as a background job; its progress is shown. */
@Entity
@Table(name = "plan_template_run")
public class TemplateRun {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "template_id", nullable = false)
    private long templateId;

    @Column(name = "job_id")
    private UUID jobId;

    @Column(nullable = false)
    private String state = QUEUED;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int failed;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "plan_template_run_target", joinColumns = @JoinColumn(name = "run_id"))
    @Column(name = "organisation_id")
    private Set<Long> organisationIds = new LinkedHashSet<>();

    protected TemplateRun() {}

    public TemplateRun(long templateId, Set<Long> organisationIds, String actor, Instant now) {
        this.templateId = templateId;
        this.organisationIds.addAll(organisationIds);
        this.total = organisationIds.size();
        this.startedBy = actor;
        this.startedAt = now;
    }

    void queued(UUID jobId) { this.jobId = jobId; }
    void running() { this.state = RUNNING; }
    void progressed(int done, int failed) { this.done = done; this.failed = failed; }
    void finished(Instant now) { this.state = FINISHED; this.finishedAt = now; }

    public int percent() {
        return total == 0 ? 100 : (int) Math.floor(100.0 * (done + failed) / total);
    }

    public Long getId() { return id; }
    public long getTemplateId() { return templateId; }
    public UUID getJobId() { return jobId; }
    public String getState() { return state; }
    public int getTotal() { return total; }
    public int getDone() { return done; }
    public int getFailed() { return failed; }
    public String getStartedBy() { return startedBy; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Set<Long> getOrganisationIds() { return organisationIds; }
}
