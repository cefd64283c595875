package org.outagedesk.impact;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.CsvFileProblems;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.LimitedUpload;

/**
 * Reads one uploaded file through Commons CSV, row by row in constant memory: looks at its first bytes for what
 * people upload by mistake, checks the header, and hands every row to the {@link ImportRowChecker} (line numbers count
 * the header as 1). Counts the data rows and the bytes read, for the import's progress.
 */
final class ImportCsvReader {

    private final LimitedUpload counted;
    private final ImportRowChecker checker;
    private long rowsRead;

    ImportCsvReader(InputStream input, ImportRowChecker checker) {
        this.counted = LimitedUpload.counted(input);
        this.checker = checker;
    }

    /** The data rows read so far, good and bad (empty lines are not rows). */
    long rowsRead() {
        return rowsRead;
    }

    /** The bytes of the file read so far. */
    long bytesRead() {
        return counted.bytesRead();
    }

    /**
     * Reads the file to its end, handing the staging values of each good row to {@code good} (in the same try as the
     * reading: what it throws is handled as the reading's own); a bad row counts as rejected. Returns the problem
     * that refuses the whole file, or null when the file was read to its end.
     */
    @Nullable RowError read(Consumer<Object[]> good) {
        ImportRowChecker.Errors errors = checker.errors();
        BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
        RowError fileProblem = CsvFileProblems.sniff(in);
        if (fileProblem != null) {
            return fileProblem;
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();

        long lastLine = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            if (header.stream().anyMatch(h -> h.indexOf('\0') >= 0)) {
                return new RowError(1, "file", "This is not a text file; upload a CSV file");
            }
            if (!header.equals(ImportRowChecker.COLUMNS) && !header.equals(ImportRowChecker.COLUMNS_WITH_EMAIL)) {
                return new RowError(1, "header", "The first line must be the header "
                        + String.join(",", ImportRowChecker.COLUMNS) + " (optionally followed by ,email) but is "
                        + ImportRowChecker.cut(String.join(",", header), 300));
            }
            int columns = header.size();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord row;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    row = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    return CsvFileProblems.unreadable(e, parser.getCurrentLineNumber() + 1);
                }
                long line = row.getRecordNumber() + 1;
                lastLine = line;
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // an empty line
                }
                rowsRead++;
                Object[] values = checker.check(row, line, columns);
                if (values != null) {
                    good.accept(values);
                } else {
                    errors.rejectedRows++;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return CsvFileProblems.unreadable(e, lastLine + 1);
        }
        return null;
    }
}
