package org.capacityhub.platform;

/**
 * Text cells of CSV and spreadsheet exports that a spreadsheet will not run as formulas (CSV injection): a text
 * starting with {@code = + - @}, a tab or a carriage return gets an apostrophe in front, which spreadsheets show as
 * text. Importers of files made by such exports take the apostrophe away again with {@link #restore}.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {}

    /** A text cell a spreadsheet will not run as a formula. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return dangerous(value.charAt(0)) ? "'" + value : value;
    }

    /**
     * The text a neutralised cell stood for: the apostrophe taken away when it is followed by a character that made
     * the export add it; any other text unchanged.
     */
    public static String restore(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && dangerous(value.charAt(1))) {
            return value.substring(1);
        }
        return value;
    }

    private static boolean dangerous(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
