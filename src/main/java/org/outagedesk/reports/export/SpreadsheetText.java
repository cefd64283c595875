package org.outagedesk.reports.export;

import org.jspecify.annotations.Nullable;

/**
 * Neutralises formula injection (OWASP "CSV injection"): a text starting with {@code = + - @}, a tab or a carriage
 * return would run as a formula when a spreadsheet opens the file, e.g. a subscriber named
 * {@code =HYPERLINK("http://x","y")}.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** Whether a spreadsheet could read this text as a formula. */
    public static boolean looksLikeFormula(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** For CSV: a formula-like text gets a leading single quote, which spreadsheets show as text and never run. */
    public static String neutralise(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return looksLikeFormula(text) ? "'" + text : text;
    }
}
