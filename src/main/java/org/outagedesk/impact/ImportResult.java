package org.outagedesk.impact;

import java.util.List;
import org.outagedesk.base.CsvImportException.RowError;

/**
 * What an import did. {@code applied} is false when nothing was written (a bad row in all-or-nothing mode, or a
 * problem with the file itself). {@code errors} lists each problem with its line (the header is line 1) and field;
 * at most {@link #MAX_LISTED_ERRORS} are listed, {@code rejected} counts every rejected row.
 */
public record ImportResult(boolean applied, long imported, long updated, long rejected, List<RowError> errors,
        boolean errorsTruncated) {

    public static final int MAX_LISTED_ERRORS = 10_000;

    static ImportResult refused(RowError error) {
        return new ImportResult(false, 0, 0, 0, List.of(error), false);
    }

    /** The rejected rows as CSV (line,field,message), for download. */
    public String errorsAsCsv() {
        StringBuilder b = new StringBuilder("line,field,message\r\n");
        for (RowError e : errors) {
            b.append(e.line()).append(',').append(quote(e.field())).append(',').append(quote(e.message()))
                    .append("\r\n");
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
