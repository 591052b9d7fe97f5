package org.capacityhub.matching.web;

/** A bookmark's note. */
public class BookmarkForm {
    private String note;

    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
