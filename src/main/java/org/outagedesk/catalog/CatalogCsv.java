package org.outagedesk.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.CsvFileProblems;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.LimitedUpload;
import org.springframework.util.unit.DataSize;

/**
 * Reads a catalog CSV file by the subscriber import's rules: UTF-8 (a byte order mark is skipped, anything else that
 * is not UTF-8 is refused with its line), RFC 4180, a header row naming the columns (any order; required ones must be
 * there, unknown ones are refused), streamed row by row, at most {@code maxBytes} and {@code maxRows}. A value that
 * an export neutralised for spreadsheets ({@code '=...}) is read back as it was, so an export re-imports unchanged.
 */
final class CatalogCsv {

    /** One data row: its line (the header is line 1) and its values by column name (absent optional columns: null). */
    record Row(long line, Map<String, String> values) {

        @Nullable String get(String column) {
            return values.get(column);
        }
    }

    /** Told each data row; a row with the wrong number of cells is reported as an error instead. */
    interface RowHandler {
        void row(Row row);
    }

    private CatalogCsv() {
    }

    /**
     * Reads the file; returns null when it was read to the end, or the problem that refused the whole file (the
     * file is not CSV, the header is wrong, it is too big...). Row-level problems go to {@code rowErrors}.
     */
    static @Nullable RowError read(InputStream input, List<String> required, List<String> optional, long maxBytes,
            int maxRows, RowHandler handler, List<RowError> rowErrors) {
        BufferedInputStream in = new BufferedInputStream(LimitedUpload.of(input, DataSize.ofBytes(maxBytes),
                "The file"), 1 << 16);
        RowError fileProblem = CsvFileProblems.sniff(in);
        if (fileProblem != null) {
            return fileProblem;
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        long lastLine = 1;
        int rows = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            if (header.stream().anyMatch(h -> h.indexOf('\0') >= 0)) {
                return new RowError(1, "file", "This is not a text file; upload a CSV file");
            }
            RowError headerProblem = checkHeader(header, required, optional);
            if (headerProblem != null) {
                return headerProblem;
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException | LimitedUpload.TooLarge e) {
                    return unreadable(e, parser.getCurrentLineNumber() + 1);
                }
                long line = record.getRecordNumber() + 1;
                lastLine = line;
                if (++rows > maxRows) {
                    return new RowError(line, "file", "The file has more than " + maxRows
                            + " rows; split it into smaller files");
                }
                if (record.size() != header.size()) {
                    rowErrors.add(new RowError(line, "row", "expected " + header.size() + " columns ("
                            + String.join(",", header) + "), found " + record.size()));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), unneutralise(record.get(i)));
                }
                handler.row(new Row(line, values));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException
                | LimitedUpload.TooLarge e) {
            return unreadable(e, lastLine + 1);
        }
        if (rows == 0) {
            return new RowError(2, "file", "The file has a header but no rows");
        }
        return null;
    }

    private static @Nullable RowError checkHeader(List<String> header, List<String> required, List<String> optional) {
        List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
        List<String> unknown = header.stream().filter(h -> !required.contains(h) && !optional.contains(h)).toList();
        List<String> twice = header.stream().filter(h -> header.indexOf(h) != header.lastIndexOf(h)).distinct()
                .toList();
        if (missing.isEmpty() && unknown.isEmpty() && twice.isEmpty()) {
            return null;
        }
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        String found = String.join(",", header);
        return new RowError(1, "header", "The first line must name the columns " + String.join(",", all)
                + (optional.isEmpty() ? "" : " (" + String.join(", ", optional) + " may be left out)")
                + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                + (unknown.isEmpty() ? "" : "; unknown: " + CatalogRules.cut(String.join(", ", unknown)))
                + (twice.isEmpty() ? "" : "; named twice: " + CatalogRules.cut(String.join(", ", twice)))
                + (found.length() > 200 ? "" : " (found " + found + ")"));
    }

    /** The CSV exports put a quote before text a spreadsheet would run as a formula; it is taken off again here. */
    static String unneutralise(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'') {
            char c = value.charAt(1);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return value.substring(1);
            }
        }
        return value;
    }

    /** Past the byte limit, else what {@link CsvFileProblems#unreadable} says of any CSV file. */
    private static RowError unreadable(Exception e, long line) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedUpload.TooLarge tooLarge) {
                return new RowError(line, "file", tooLarge.getMessage() + "; split it into smaller files");
            }
        }
        return CsvFileProblems.unreadable(e, line);
    }
}
