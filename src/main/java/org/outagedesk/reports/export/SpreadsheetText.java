package org.outagedesk.reports.export;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Neutralises formula injection (OWASP "CSV injection"): a text starting with {@code = + - @}, a tab or a carriage
 * return would run as a formula when a spreadsheet opens the file, e.g. a subscriber named
 * {@code =HYPERLINK("http://x","y")}.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /**
     * A signed number such as an E.164 MSISDN ("+15551234567") or a negative amount: a spreadsheet reads it as a
     * number at worst, it cannot call a function or reference a cell, so it is left as it is (a quote would corrupt
     * every phone number of the export).
     */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    /** Whether a spreadsheet could read this text as a formula. */
    public static boolean looksLikeFormula(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return trigger && !PLAIN_NUMBER.matcher(text).matches();
    }

    /** For CSV: a formula-like text gets a leading single quote, which spreadsheets show as text and never run. */
    public static String neutralise(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return looksLikeFormula(text) ? "'" + text : text;
    }
}
