package org.outagedesk.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.outagedesk.base.Money;

/**
 * A CSV table: UTF-8 with a byte-order mark (so that Excel reads the accents right), RFC 4180 quoting and CRLF line
 * ends (Commons CSV), one header line, no title. Dates are "yyyy-MM-dd HH:mm:ss" in the zone the header names,
 * money plain "1234.50", formula-like text prefixed with a single quote (see {@link SpreadsheetText}).
 */
public final class CsvTable implements TableWriter, AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CSVPrinter printer;
    private final List<Column> columns;
    private final ZoneId zone;
    private long rows;

    public CsvTable(OutputStream out, List<Column> columns, ZoneId zone) {
        this.columns = List.copyOf(columns);
        this.zone = zone;
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            printer = new CSVPrinter(w, CSVFormat.RFC4180);
            for (Column c : columns) {
                printer.print(c.type() == ColumnType.DATE_TIME ? c.header() + " (" + zone.getId() + ")"
                        : c.header());
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Expected " + columns.size() + " values, got " + values.length);
        }
        try {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                printer.print(v == null ? "" : switch (columns.get(i).type()) {
                    case COUNT -> v.toString();
                    case MONEY -> (v instanceof Money m ? m.amount() : (BigDecimal) v).toPlainString();
                    case DATE_TIME -> TIME.format(((Instant) v).atZone(zone));
                    case TEXT -> SpreadsheetText.neutralise(v.toString());
                });
            }
            printer.println();
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    /** Flushes; the caller owns (and closes) the stream. */
    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
