package org.outagedesk.catalog;

import java.util.List;
import org.outagedesk.base.CsvImportException.RowError;

/**
 * What a catalog import did, in the shape of the subscriber import's answer. {@code applied} is false when nothing
 * was written (a bad row in all-or-nothing mode, or a problem with the file itself). {@code imported} counts new
 * codes, {@code updated} known codes whose values changed, {@code unchanged} rows equal to what is stored (an
 * export imported again changes nothing), {@code rejected} bad rows. {@code errors}: each problem by line (the header
 * is line 1) and field, at most {@link #MAX_LISTED_ERRORS}.
 */
public record CatalogImportResult(boolean applied, long imported, long updated, long unchanged, long rejected,
        List<RowError> errors, boolean errorsTruncated) {

    public static final int MAX_LISTED_ERRORS = 1_000;

    static CatalogImportResult refused(RowError error) {
        return new CatalogImportResult(false, 0, 0, 0, 0, List.of(error), false);
    }
}
