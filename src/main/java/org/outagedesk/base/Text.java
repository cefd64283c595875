package org.outagedesk.base;

import org.jspecify.annotations.Nullable;

/**
 * Lengths as a person counts them (code points: an emoji is one character, not two UTF-16 units), and input
 * shortened before a message quotes it, so that no answer grows with what a client sent.
 */
public final class Text {

    /** How much of an input a message may quote. */
    public static final int QUOTE_LIMIT = 40;

    private Text() {
    }

    /** The number of characters (code points) of {@code text}; 0 for null. */
    public static int length(@Nullable String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** {@code text} cut to at most {@code max} characters (code points), with "…" when cut. */
    public static String shorten(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        if (length(text) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(0, max - 1))) + "…";
    }

    /** An input as a message may quote it: at most {@value #QUOTE_LIMIT} characters. */
    public static String quote(@Nullable String input) {
        return shorten(input, QUOTE_LIMIT);
    }
}
