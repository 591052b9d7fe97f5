package org.capacityhub.framework.domain;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

/**
 * Last line of defence for immutability: refuses any insert, update or delete of a row that belongs to a version
 * that was already published when it was loaded, whatever code path tries it.
 */
public class PublishedGuard {

    @PrePersist
    @PreUpdate
    @PreRemove
    void check(Object entity) {
        FrameworkVersion version = null;
        if (entity instanceof FrameworkVersion v) {
            version = v;
        } else if (entity instanceof Node n) {
            version = n.getVersion();
        } else if (entity instanceof Level l) {
            version = l.getVersion();
        } else if (entity instanceof Descriptor d) {
            version = d.getNode().getVersion();
        } else if (entity instanceof Association a) {
            version = a.getVersion();
        }
        if (version != null && version.wasPublishedWhenLoaded()) {
            throw FrameworkVersion.immutable();
        }
    }
}
