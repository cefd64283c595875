package org.outagedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The benchmark's table: one line per path, Outage Desk beside its baseline. */
final class ResultTable {

    enum Unit {
        MS, REQ_PER_S, PER_S
    }

    record Row(String path, Unit unit, @Nullable Stats outageDesk, @Nullable Stats baseline, String target,
            String verdict, String peakHeap, String note) {

        @Nullable Double ratio() {
            if (outageDesk == null || baseline == null || outageDesk.isEmpty() || baseline.isEmpty()
                    || baseline.median() == 0) {
                return null;
            }
            return outageDesk.median() / baseline.median();
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Adds the row as measured just now: its note gains the machine's load average (a shared machine). */
    void add(Row row) {
        String load = "load average when recorded " + loadAverage();
        rows.add(new Row(row.path(), row.unit(), row.outageDesk(), row.baseline(), row.target(), row.verdict(),
                row.peakHeap(), row.note().isBlank() ? load : row.note() + "; " + load));
    }

    /** The 1, 5 and 15 minute load averages as {@code uptime} prints them (Linux), else "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    void note(String text) {
        notes.add(text);
    }

    static String value(@Nullable Stats s, Unit unit) {
        if (s == null || s.isEmpty()) {
            return "—";
        }
        double v = s.median();
        if (unit == Unit.REQ_PER_S) {
            return String.format(Locale.ROOT, "%,.0f req/s", v);
        }
        if (unit == Unit.PER_S) {
            return String.format(Locale.ROOT, "%,.0f /s", v);
        }
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%,.1f s", v / 1000);
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f ms", v);
        }
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

    static String mb(long bytes) {
        return bytes < 0 ? "—" : String.format(Locale.ROOT, "%,d MB", Math.round(bytes / 1048576.0));
    }

    /** A Markdown table (it reads as plain text on a console too) and the notes under it. */
    String render(String heading) {
        StringBuilder b = new StringBuilder(heading).append("\n\n");
        b.append("| path | Outage Desk (median) | baseline (median) | ratio | target | met? | peak heap | runs |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Double ratio = r.ratio();
            b.append("| ").append(r.path()).append(" | ").append(value(r.outageDesk(), r.unit())).append(" | ")
                    .append(value(r.baseline(), r.unit())).append(" | ")
                    .append(ratio == null ? "—" : String.format(Locale.ROOT, "%.2fx", ratio)).append(" | ")
                    .append(r.target()).append(" | ").append(r.verdict()).append(" | ").append(r.peakHeap())
                    .append(" | ").append(r.outageDesk() == null ? 0 : r.outageDesk().runs()).append(" |\n");
        }
        b.append('\n');
        for (Row r : rows) {
            if (!r.note().isBlank()) {
                b.append("- ").append(r.path()).append(": ").append(r.note()).append('\n');
            }
        }
        for (String n : notes) {
            b.append("- ").append(n).append('\n');
        }
        return b.toString();
    }
}
