package org.capacityhub.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a persistent field whose changes are bookkeeping, not domain data (e.g. "last used at"): an update that
 * changes only such fields leaves no audit entry, and the field never appears in one. On a type, the whole entity
 * is left out of the audit log.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface AuditIgnored {
}
