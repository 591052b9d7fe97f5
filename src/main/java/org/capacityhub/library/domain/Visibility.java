package org.capacityhub.library.domain;

/** Who may read a published resource: everyone signed in, or only those who may see its organisation's data. */
public enum Visibility {
    PUBLIC, PRIVATE
}
