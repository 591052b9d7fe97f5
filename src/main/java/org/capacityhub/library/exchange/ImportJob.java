package org.capacityhub.library.exchange;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.apache.commons.csv.CSVRecord;
import org.hibernate.search.mapper.orm.Search;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.exchange.ResourceCsv.Converted;
import org.capacityhub.library.exchange.ResourceImport.RowError;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.PlatformUser;
import org.capacityhub.platform.UserFacingException;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background job of a confirmed import: one draft per row, made by {@link LibraryService#create} as the
 * importer (the same rules and access checks as the form), all in one transaction, so that a refused row leaves
 * nothing behind. The progress is written in separate short transactions every {@value #STEP} rows, for the page
 * to show.
 */
@Component
public class ImportJob {

    static final int STEP = 100;
    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

    /** The importer as the job acts for them: a snapshot of who confirmed the import. */
    record Importer(long accountId, long personId, String username, String displayName, boolean administrator)
            implements PlatformUser {
        @Override
        public boolean passwordChangeRequired() {
            return false;
        }

        @Override
        public String preferredLocale() {
            return null;
        }
    }

    /** A row refused while writing. */
    private static final class RowFailure extends RuntimeException {
        private final RowError error;

        RowFailure(RowError error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    private final ResourceImportRepository imports;
    private final ResourceImports service;
    private final ResourceCsv csv;
    private final LibraryService library;
    private final TransactionTemplate transaction;
    private final TransactionTemplate progress;

    private final EntityManager entityManager;

    ImportJob(ResourceImportRepository imports, ResourceImports service, ResourceCsv csv, LibraryService library,
            PlatformTransactionManager transactions, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.imports = imports;
        this.service = service;
        this.csv = csv;
        this.library = library;
        this.transaction = new TransactionTemplate(transactions);
        this.progress = new TransactionTemplate(transactions);
        this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Job(name = "Import library resources (import %0)", retries = 0)
    public void run(long importId) {
        ResourceImport start = transaction.execute(s -> {
            ResourceImport i = imports.findById(importId).orElse(null);
            if (i == null || !ResourceImport.QUEUED.equals(i.getState()) || i.getStorage() == null) {
                return null;
            }
            i.running();
            return i;
        });
        if (start == null) {
            return;
        }
        String storage = start.getStorage();
        asImporter(start, () -> write(importId, storage));
        service.delete(storage);
    }

    /** Checks the rows of a big file in the background, as its importer, storing how many are checked. */
    @Job(name = "Check a library import (import %0)", retries = 0)
    public void check(long importId) {
        ResourceImport start = transaction.execute(s -> imports.findById(importId)
                .filter(i -> ResourceImport.CHECKING.equals(i.getState()) && i.getStorage() != null).orElse(null));
        if (start == null) {
            return;
        }
        String storage = start.getStorage();
        asImporter(start, () -> {
            try {
                ResourceCsv.Table table = csv.read(service.read(storage), ResourceImports.MAX_ROWS);
                ResourceImports.Checked checked = service.check(table, done -> progress.executeWithoutResult(
                        p -> imports.findById(importId).ifPresent(i -> i.progressed(done))));
                transaction.executeWithoutResult(s -> imports.findById(importId)
                        .ifPresent(i -> i.checked(checked.errors(), checked.count())));
                if (checked.count() > 0) {
                    service.delete(storage);
                }
            } catch (RuntimeException e) {
                log.warn("Library import {}: the check failed", importId, e);
                transaction.executeWithoutResult(s -> imports.findById(importId).ifPresent(i -> i.failed(null,
                        "library.import.failed", null, e.toString(), Instant.now())));
                service.delete(storage);
            }
        });
    }

    /** Runs {@code work} as the importer (a snapshot of who uploaded), writing the audit log through IMPORT. */
    private static void asImporter(ResourceImport start, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Importer importer = new Importer(start.getAccountId(), start.getPersonId(), start.getUsername(),
                start.getDisplayName(), start.isAdministrator());
        context.setAuthentication(new UsernamePasswordAuthenticationToken(importer, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            AuditContext.run(start.getUsername(), AuditContext.Channel.IMPORT, work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void write(long importId, String storage) {
        try {
            int written = transaction.execute(s -> {
                ResourceCsv.Table table = csv.read(service.read(storage), ResourceImports.MAX_ROWS);
                ResourceCsv.Competencies competencies = csv.competencies();
                int done = 0;
                for (CSVRecord record : table.records()) {
                    Converted converted = csv.convert(table, record, competencies);
                    if (!converted.errors().isEmpty()) {
                        throw new RowFailure(converted.errors().get(0));
                    }
                    try {
                        library.create(converted.input());
                    } catch (UserFacingException e) {
                        throw new RowFailure(ResourceImports.error(converted.row(), e));
                    }
                    done++;
                    if (done % STEP == 0) {
                        // keep the persistence context small: write the rows, turn them into index documents
                        // (written at commit, so a rollback leaves the index as it was), forget the entities
                        entityManager.flush();
                        Search.session(entityManager).indexingPlan().process();
                        entityManager.clear();
                        int now = done;
                        progress.executeWithoutResult(p -> imports.findById(importId).ifPresent(i -> i.progressed(now)));
                    }
                }
                return done;
            });
            transaction.executeWithoutResult(s -> imports.findById(importId)
                    .ifPresent(i -> i.finished(written, Instant.now())));
        } catch (RowFailure f) {
            transaction.executeWithoutResult(s -> imports.findById(importId).ifPresent(i -> i.failed(
                    f.error.getRow(), f.error.getCode(), f.error.getArgument(), f.error.getMessage(), Instant.now())));
        } catch (RuntimeException e) {
            log.warn("Library import {} failed", importId, e);
            transaction.executeWithoutResult(s -> imports.findById(importId).ifPresent(i -> i.failed(null,
                    "library.import.failed", null, e.toString(), Instant.now())));
        }
    }
}
