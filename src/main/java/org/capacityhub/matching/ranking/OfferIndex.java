package org.capacityhub.matching.ranking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every offer of every profile, in memory, by competency: ranking scores the offers on a request's taxonomy
 * neighbourhood (often tens of thousands) without reading them from the database each time. Loaded on first use
 * with one query; dropped after each committed change of profiles or exchanges in this instance
 * ({@link #invalidateAfterCommit()}), and at least every {@code maxAge} (changes made by another instance, UTC
 * offsets after a daylight-saving change).
 */
public class OfferIndex {

    private record Snapshot(Map<String, List<Candidate>> byCompetency, long loadedAt, int offers) {}

    private final CandidateQuery query;
    private final Scorer scorer;
    private final long maxAgeNanos;
    private volatile Snapshot snapshot;

    /** Offers of each competency are kept sorted by the scorer's {@link Scorer#helperPart}, best first. */
    public OfferIndex(CandidateQuery query, Scorer scorer, Duration maxAge) {
        this.query = query;
        this.scorer = scorer;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Every offer on one of these competencies (by CASE identifier). */
    public List<Candidate> offersOn(Collection<String> identifiers) {
        Map<String, List<Candidate>> index = current().byCompetency();
        List<Candidate> result = new ArrayList<>();
        for (String identifier : identifiers) {
            List<Candidate> offers = index.get(identifier);
            if (offers != null) {
                result.addAll(offers);
            }
        }
        return result;
    }

    /** The offers on one competency, sorted by {@link Scorer#helperPart}, best first (never null). */
    public List<Candidate> sortedOffersOn(String identifier) {
        return current().byCompetency().getOrDefault(identifier, List.of());
    }

    /** How many offers are indexed (loads the index when needed). */
    public int size() {
        return current().offers();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && System.nanoTime() - s.loadedAt() < maxAgeNanos) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && System.nanoTime() - s.loadedAt() < maxAgeNanos) {
                return s;
            }
            long started = System.nanoTime();
            List<Candidate> all = query.allOffers();
            Map<String, List<Candidate>> byCompetency = new HashMap<>();
            for (Candidate c : all) {
                byCompetency.computeIfAbsent(c.competencyIdentifier(), k -> new ArrayList<>()).add(c);
            }
            java.util.Comparator<Candidate> best = java.util.Comparator.comparingDouble(scorer::helperPart).reversed()
                    .thenComparingLong(Candidate::profileId);
            byCompetency.values().forEach(list -> list.sort(best));
            s = new Snapshot(byCompetency, started, all.size());
            snapshot = s;
            return s;
        }
    }

    /** Drops the index now. */
    public void invalidate() {
        snapshot = null;
    }

    /** Drops the index once the current transaction commits (at once without a transaction). */
    public void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
    }
}
