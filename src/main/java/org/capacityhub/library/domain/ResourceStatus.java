package org.capacityhub.library.domain;

/** Where a resource is in its cycle: draft → in review → published → archived (a new version returns to draft). */
public enum ResourceStatus {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED
}
