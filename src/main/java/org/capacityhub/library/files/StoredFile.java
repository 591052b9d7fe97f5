package org.capacityhub.library.files;

/**
 * A file written to the library's storage, checked and not yet attached.
 *
 * @param name    the original name, cleaned (no path, no control characters)
 * @param storage the random name under which it is stored
 * @param type    the content type detected from its bytes
 */
public record StoredFile(String name, String storage, String type, long size, String sha256) {}
