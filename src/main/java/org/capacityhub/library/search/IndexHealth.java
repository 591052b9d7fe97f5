package org.capacityhub.library.search;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.capacityhub.library.domain.ResourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the database: on start, an index that is missing, was moved aside as corrupt, or
 * holds a different number of resources than the database is rebuilt (in the background); administrators rebuild
 * it on demand. Remembers the last rebuild for the administration page.
 */
@Component
public class IndexHealth {

    private static final Logger log = LoggerFactory.getLogger(IndexHealth.class);

    /** The last rebuild: when it started, when it ended (null while running), and whether it failed. */
    public record Rebuild(Instant started, Instant finished, String failure, String reason) {
        public boolean running() {
            return finished == null;
        }
    }

    private final LibrarySearch search;
    private final ResourceRepository resources;
    private volatile Rebuild last;
    private volatile CompletableFuture<?> running = CompletableFuture.completedFuture(null);

    IndexHealth(LibrarySearch search, ResourceRepository resources) {
        this.search = search;
        this.resources = resources;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkOnStart() {
        long indexed = search.indexedCount();
        long stored = resources.count();
        if (indexed != stored) {
            log.warn("The search index holds {} resources and the database {}: rebuilding the index", indexed, stored);
            rebuild("start");
        }
    }

    /** Starts a rebuild unless one is running; returns the rebuild in progress. */
    public synchronized CompletableFuture<?> rebuild(String reason) {
        if (!running.isDone()) {
            return running;
        }
        Instant started = Instant.now();
        last = new Rebuild(started, null, null, reason);
        running = search.reindex().whenComplete((ok, failure) -> {
            last = new Rebuild(started, Instant.now(), failure == null ? null : failure.toString(), reason);
            if (failure != null) {
                log.error("Rebuilding the search index failed", failure);
            } else {
                log.info("Search index rebuilt");
            }
        });
        return running;
    }

    public Rebuild last() {
        return last;
    }

    public long indexedCount() {
        return search.indexedCount();
    }
}
