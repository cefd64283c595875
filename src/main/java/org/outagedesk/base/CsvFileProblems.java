package org.outagedesk.base;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.CsvImportException.RowError;

/**
 * What every CSV import says alike about a file that is not UTF-8 CSV: one wording for the subscriber and the
 * catalog imports (the header, the rows and the other limits stay each feature's own).
 */
public final class CsvFileProblems {

    private CsvFileProblems() {
    }

    /**
     * Looks at the first bytes for what people upload by mistake (empty, ZIP or XLSX, PDF, UTF-16): the problem, at
     * line 0, or null. Skips a UTF-8 byte order mark, so that the reading starts after it.
     */
    public static @Nullable RowError sniff(BufferedInputStream in) {
        try {
            in.mark(8);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (head.length == 0) {
                return new RowError(0, "file", "The file is empty");
            }
            if (startsWith(head, 'P', 'K', 3, 4)) {
                return new RowError(0, "file", "This is a ZIP or Excel (XLSX) file, not CSV: in the spreadsheet,"
                        + " save it as \"CSV UTF-8\" and upload that");
            }
            if (startsWith(head, '%', 'P', 'D', 'F')) {
                return new RowError(0, "file", "This is a PDF file, not CSV");
            }
            if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
                return new RowError(0, "file", "The file is UTF-16 text; save it as UTF-8 (\"CSV UTF-8\")");
            }
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                in.skipNBytes(3);
                in.mark(8);
                if (in.read() < 0) {
                    return new RowError(0, "file", "The file is empty");
                }
                in.reset();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The problem when the reading stopped on bytes that are not UTF-8 ({@code e} or one of its causes is a
     * {@link CharacterCodingException}), at {@code line}; null when it stopped on something else.
     */
    public static @Nullable RowError notUtf8(Throwable e, long line) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return new RowError(line, "file", "The file is not UTF-8 text (a character on or near line " + line
                        + " cannot be read): save it as \"CSV UTF-8\" and upload it again");
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The problem when the CSV parser stopped at {@code line}: not UTF-8 ({@link #notUtf8}), else a quote or a comma
     * out of place. The parser's own message names its classes: it is not for people.
     */
    public static RowError unreadable(Throwable e, long line) {
        RowError notUtf8 = notUtf8(e, line);
        if (notUtf8 != null) {
            return notUtf8;
        }
        return new RowError(line, "file", "Not a readable CSV file near line " + line
                + ": check the quotes (a field that opens a quote must close it) and the commas");
    }
}
