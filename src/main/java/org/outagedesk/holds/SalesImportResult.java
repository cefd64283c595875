package org.outagedesk.holds;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.outagedesk.base.CsvImportException;
import org.outagedesk.base.CsvImportException.RowError;

/**
 * What a daily sales file did, in the shape of every import's report: {@code applied} false when the file was refused
 * (all or nothing: then {@code imported} is 0), {@code rejected} the rows at fault, {@code errors} each problem by line
 * (the header is line 1) and field, {@code violations} how many imported sales broke a hold.
 */
public record SalesImportResult(boolean applied, long imported, long rejected, List<RowError> errors,
        boolean errorsTruncated, long violations) {

    static SalesImportResult imported(long sales, long violations) {
        return new SalesImportResult(true, sales, 0, List.of(), false, violations);
    }

    /** The report of a refused file; {@code truncated} when checking stopped at the most errors listed. */
    public static SalesImportResult refused(CsvImportException e, boolean truncated) {
        Set<Long> lines = e.errors().stream().map(RowError::line).filter(l -> l > 1).collect(Collectors.toSet());
        return new SalesImportResult(false, 0, lines.size(), e.errors(), truncated, 0);
    }
}
