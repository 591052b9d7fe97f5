package org.capacityhub.library.domain;

/** Text extraction from an uploaded file (a background job). */
public enum ExtractionStatus {
    PENDING, DONE, FAILED, SKIPPED
}
