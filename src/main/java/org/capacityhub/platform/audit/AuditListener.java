package org.capacityhub.platform.audit;

import java.lang.reflect.Field;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;

import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.AuditIgnored;
import org.capacityhub.platform.AuditRedacted;
import org.capacityhub.platform.audit.AuditEntry.Action;
import org.hibernate.Hibernate;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an audit entry for every insert, update and delete of an entity, and every change of an entity's
 * collections, in the same transaction as the change itself. Because it listens to Hibernate rather than to
 * controllers, every write path is covered: pages, API, imports and background jobs.
 */
@Component
class AuditListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PostCollectionRecreateEventListener, PostCollectionUpdateEventListener, PostCollectionRemoveEventListener,
        SmartInitializingSingleton {

    private static final String INSERT = "insert into audit_entry "
            + "(occurred_at, actor, channel, action, entity_type, entity_id, changes) values (?, ?, ?, ?, ?, ?, ?)";
    private static final int MAX_CHANGES = 100_000;
    private static final int MAX_VALUE = 2_000;

    private final EntityManagerFactory entityManagerFactory;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Class<?>, Map<String, FieldPolicy>> policies = new ConcurrentHashMap<>();

    private enum FieldPolicy { RECORD, IGNORE, REDACT }

    AuditListener(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
        registry.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_REMOVE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (!audited(event.getEntity())) {
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        String[] names = event.getPersister().getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            addChange(changes, event.getEntity().getClass(), names[i], null, event.getState()[i], event.getSession(), true);
        }
        write(event.getSession(), Action.CREATE, event.getEntity(), event.getId(), changes);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (!audited(event.getEntity())) {
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        String[] names = event.getPersister().getPropertyNames();
        Object[] oldState = event.getOldState();
        Object[] newState = event.getState();
        int[] dirty = event.getDirtyProperties();
        if (dirty == null) {
            dirty = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                dirty[i] = i;
            }
        }
        for (int i : dirty) {
            Object before = oldState == null ? null : oldState[i];
            addChange(changes, event.getEntity().getClass(), names[i], before, newState[i], event.getSession(), oldState == null);
        }
        if (!changes.isEmpty()) {
            write(event.getSession(), Action.UPDATE, event.getEntity(), event.getId(), changes);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        if (!audited(event.getEntity())) {
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        String[] names = event.getPersister().getPropertyNames();
        Object[] state = event.getDeletedState();
        if (state != null) {
            for (int i = 0; i < names.length; i++) {
                addChange(changes, event.getEntity().getClass(), names[i], state[i], null, event.getSession(), true);
            }
        }
        write(event.getSession(), Action.DELETE, event.getEntity(), event.getId(), changes);
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        collectionChanged(event, null);
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        collectionChanged(event, event.getCollection().getStoredSnapshot());
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        // The owner's own delete entry records its removal; a collection emptied on a live owner comes as an update.
    }

    private void collectionChanged(AbstractCollectionEvent event, Object snapshot) {
        Object owner = event.getAffectedOwnerOrNull();
        if (owner == null || !audited(owner)) {
            return;
        }
        String role = event.getCollection().getRole();
        String property = role == null ? "collection" : role.substring(role.lastIndexOf('.') + 1);
        if (policy(Hibernate.getClassLazy(owner), property) == FieldPolicy.IGNORE) {
            return;
        }
        Object before = snapshotValues(snapshot, event.getSession());
        Object after = describe(event.getCollection(), event.getSession());
        if (before != null && before.equals(after)) {
            return;
        }
        // An empty collection created with its owner changes nothing (the owner's creation entry already shows it).
        if (before == null && after instanceof Collection<?> created && created.isEmpty()) {
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(property, change(before, after));
        write(event.getSession(), Action.UPDATE, owner, event.getAffectedOwnerIdOrNull(), changes);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private boolean audited(Object entity) {
        Class<?> type = Hibernate.getClassLazy(entity);
        return type != AuditEntry.class && !type.isAnnotationPresent(AuditIgnored.class);
    }

    private void addChange(Map<String, Object> changes, Class<?> type, String property, Object before, Object after,
            SharedSessionContractImplementor session, boolean always) {
        FieldPolicy policy = policy(type, property);
        if (policy == FieldPolicy.IGNORE || "version".equals(property)) {
            return;
        }
        Object from = describe(before, session);
        Object to = describe(after, session);
        if (!always && java.util.Objects.equals(from, to)) {
            return;
        }
        if (from == null && to == null) {
            return;
        }
        if (policy == FieldPolicy.REDACT) {
            changes.put(property, Map.of("changed", true));
        } else {
            changes.put(property, change(from, to));
        }
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    private FieldPolicy policy(Class<?> type, String property) {
        return policies.computeIfAbsent(type, AuditListener::policiesOf).getOrDefault(property, FieldPolicy.RECORD);
    }

    private static Map<String, FieldPolicy> policiesOf(Class<?> type) {
        Map<String, FieldPolicy> result = new ConcurrentHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(AuditIgnored.class)) {
                    result.putIfAbsent(field.getName(), FieldPolicy.IGNORE);
                } else if (field.isAnnotationPresent(AuditRedacted.class)) {
                    result.putIfAbsent(field.getName(), FieldPolicy.REDACT);
                }
            }
        }
        return result;
    }

    /** A JSON-friendly form of a property value: entities by id, collections element by element. */
    private Object describe(Object value, SharedSessionContractImplementor session) {
        if (value == null) {
            return null;
        }
        if (value instanceof PersistentCollection<?> collection && !collection.wasInitialized()) {
            return "(not loaded)";
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(describe(k, session)), describe(v, session)));
            return result;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> result = new ArrayList<>();
            for (Object element : collection) {
                result.add(describe(element, session));
            }
            return result;
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
            return value.toString();
        }
        Class<?> type = Hibernate.getClassLazy(value);
        if (type.isAnnotationPresent(Entity.class)) {
            Object id = entityManagerFactory.getPersistenceUnitUtil().getIdentifier(value);
            return type.getSimpleName() + "#" + id;
        }
        String text = value.toString();
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
    }

    private Object snapshotValues(Object snapshot, SharedSessionContractImplementor session) {
        if (snapshot instanceof Map<?, ?> map) {
            // Sets and bags keep their snapshot as a map of element to element; lists and maps keep it as a map too.
            return describe(new ArrayList<>(map.values()), session);
        }
        return describe(snapshot, session);
    }

    private void write(SharedSessionContractImplementor session, Action action, Object entity, Object id, Map<String, Object> changes) {
        String changesJson = json.writeValueAsString(changes);
        if (changesJson.length() > MAX_CHANGES) {
            changesJson = json.writeValueAsString(Map.of("truncated", true, "properties", changes.keySet()));
        }
        String actor = truncate(AuditContext.currentActor(), 200);
        String channel = AuditContext.currentChannel().name();
        String entityType = Hibernate.getClassLazy(entity).getSimpleName();
        String entityId = String.valueOf(id);
        String changesToStore = changesJson;
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setString(2, actor);
                insert.setString(3, channel);
                insert.setString(4, action.name());
                insert.setString(5, entityType);
                insert.setString(6, entityId);
                insert.setString(7, changesToStore);
                insert.executeUpdate();
            }
        });
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
