package org.capacityhub.framework.exchange;

import org.capacityhub.platform.InvalidInputException;

/** A file that cannot be imported: the message names the problem and where it is (e.g. "CFAssociations[12]"). */
public class ImportProblem extends InvalidInputException {

    private final String place;

    public ImportProblem(String place, String englishMessage) {
        super("file", "framework.import.problem", place == null ? englishMessage : place + ": " + englishMessage,
                place == null ? "" : place + ": ", englishMessage);
        this.place = place;
    }

    public String place() {
        return place;
    }
}
