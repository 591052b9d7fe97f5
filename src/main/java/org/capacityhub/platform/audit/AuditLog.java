package org.capacityhub.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.capacityhub.platform.AuditContext.Channel;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.audit.AuditEntry.Action;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log, newest first. There is deliberately no way to change or remove an entry: entries are
 * written only by {@link AuditListener}, and this service only reads.
 */
@Service
@Transactional(readOnly = true)
class AuditLog {

    static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext
    private EntityManager entityManager;

    /** Filters; blank or null ones are ignored. Dates are whole days in UTC, both included. */
    record Filter(String actor, String entityType, String entityId, Action action, Channel channel,
            LocalDate from, LocalDate to) {

        Filter {
            actor = blankToNull(actor);
            entityType = blankToNull(entityType);
            entityId = blankToNull(entityId);
            if (from != null && to != null && to.isBefore(from)) {
                throw new InvalidInputException("to", "audit.period.invalid", "The end date is before the start date.");
            }
        }

        static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    Page<AuditEntry> search(Filter filter, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();

        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> root = query.from(AuditEntry.class);
        query.where(predicates(filter, cb, root)).orderBy(cb.desc(root.get("id")));
        List<AuditEntry> content = entityManager.createQuery(query)
                .setFirstResult(pageNumber * pageSize).setMaxResults(pageSize).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEntry> countRoot = count.from(AuditEntry.class);
        count.select(cb.count(countRoot)).where(predicates(filter, cb, countRoot));
        long total = entityManager.createQuery(count).getSingleResult();
        return new PageImpl<>(content, PageRequest.of(pageNumber, pageSize), total);
    }

    /** The kinds of entity that appear in the log, for the filter's choice list. */
    List<String> entityTypes() {
        return entityManager.createQuery("select distinct e.entityType from AuditEntry e order by e.entityType",
                String.class).getResultList();
    }

    private static Predicate[] predicates(Filter filter, CriteriaBuilder cb, Root<AuditEntry> root) {
        List<Predicate> predicates = new ArrayList<>();
        if (filter.actor() != null) {
            predicates.add(cb.equal(cb.lower(root.get("actor")), filter.actor().toLowerCase(java.util.Locale.ROOT)));
        }
        if (filter.entityType() != null) {
            predicates.add(cb.equal(root.get("entityType"), filter.entityType()));
        }
        if (filter.entityId() != null) {
            predicates.add(cb.equal(root.get("entityId"), filter.entityId()));
        }
        if (filter.action() != null) {
            predicates.add(cb.equal(root.get("action"), filter.action()));
        }
        if (filter.channel() != null) {
            predicates.add(cb.equal(root.get("channel"), filter.channel()));
        }
        if (filter.from() != null) {
            Instant start = filter.from().atStartOfDay().toInstant(ZoneOffset.UTC);
            predicates.add(cb.greaterThanOrEqualTo(root.<Instant>get("occurredAt"), start));
        }
        if (filter.to() != null) {
            Instant end = filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            predicates.add(cb.lessThan(root.<Instant>get("occurredAt"), end));
        }
        return predicates.toArray(Predicate[]::new);
    }
}
