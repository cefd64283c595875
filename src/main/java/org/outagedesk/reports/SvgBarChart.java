package org.outagedesk.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A horizontal bar chart as SVG text, drawn on the server so that the dashboard and the printed report need no
 * charting library in the browser. One row per category (label on the left), one bar per series in each row, the
 * value written at the end of each bar, and a legend on top when there is more than one series. Rows may link to
 * the screen behind them. The width is fixed (it fits a laptop screen and an A4 page); the height follows the rows.
 */
public final class SvgBarChart {

    /** Colours that stay apart for the common forms of colour blindness and in greyscale print. */
    static final List<String> PALETTE = List.of("#1f5fa8", "#e08a1e", "#3b9c5a", "#c2413b", "#7a55a3", "#6b6b6b");

    static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 190;
    private static final int VALUE_WIDTH = 90;
    private static final int BAR_HEIGHT = 16;
    private static final int ROW_GAP = 10;
    private static final int LEGEND_HEIGHT = 24;
    private static final int TITLE_HEIGHT = 24;

    private record Row(String label, List<BigDecimal> values, @Nullable String link) {
    }

    private final String title;
    private final List<String> series = new ArrayList<>();
    private List<String> colors = PALETTE;
    private final List<Row> rows = new ArrayList<>();
    private Function<BigDecimal, String> format = v -> String.format(Locale.US, "%,d", v.longValue());

    private SvgBarChart(String title) {
        this.title = title;
    }

    public static SvgBarChart titled(String title) {
        return new SvgBarChart(title);
    }

    /** The series in order; every row gives one value per series. Without a call the chart has one unnamed series. */
    public SvgBarChart series(String... names) {
        series.addAll(List.of(names));
        return this;
    }

    /** Colours of the series in order, when they carry meaning (overdue in red); CSS colour values. */
    public SvgBarChart colors(String... cssColors) {
        for (String c : cssColors) {
            if (!c.matches("#[0-9a-fA-F]{3,8}|[a-z]+")) {
                throw new IllegalArgumentException("not a colour: " + c);
            }
        }
        this.colors = List.of(cssColors);
        return this;
    }

    /** How values are written at the bars' ends (default: whole numbers with thousands separators). */
    public SvgBarChart format(Function<BigDecimal, String> formatter) {
        this.format = Objects.requireNonNull(formatter);
        return this;
    }

    public SvgBarChart row(String label, long value) {
        return row(label, null, BigDecimal.valueOf(value));
    }

    public SvgBarChart row(String label, @Nullable String link, BigDecimal... values) {
        int expected = Math.max(1, series.size());
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    "row '" + label + "' has " + values.length + " values for " + expected + " series");
        }
        rows.add(new Row(label, List.of(values), link));
        return this;
    }

    public SvgBarChart row(String label, @Nullable String link, long value) {
        return row(label, link, BigDecimal.valueOf(value));
    }

    public String toSvg() {
        int perRow = Math.max(1, series.size());
        boolean legend = series.size() > 1;
        int top = TITLE_HEIGHT + (legend ? LEGEND_HEIGHT : 0);
        int rowHeight = perRow * BAR_HEIGHT + ROW_GAP;
        int height = top + Math.max(1, rows.size()) * rowHeight + 8;
        BigDecimal max = rows.stream().flatMap(r -> r.values().stream()).max(BigDecimal::compareTo)
                .filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
        double scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max.doubleValue(); // pixels only: no money math

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                // an image's parts are hidden from assistive technology: a chart whose bars are links is a figure,
                // so that its links stay reachable (axe: nested-interactive)
                .append("\" role=\"").append(rows.stream().anyMatch(r -> r.link() != null) ? "figure" : "img")
                .append("\" aria-label=\"").append(escape(title))
                .append("\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        svg.append("<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">").append(escape(title))
                .append("</text>");
        if (legend) {
            int x = 0;
            for (int s = 0; s < series.size(); s++) {
                svg.append("<g class=\"legend\"><rect x=\"").append(x).append("\" y=\"").append(TITLE_HEIGHT + 2)
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(color(s)).append("\"/>")
                        .append("<text x=\"").append(x + 16).append("\" y=\"").append(TITLE_HEIGHT + 12)
                        .append("\">").append(escape(series.get(s))).append("</text></g>");
                x += 28 + series.get(s).length() * 7;
            }
        }
        if (rows.isEmpty()) {
            svg.append("<text x=\"0\" y=\"").append(top + 14).append("\" fill=\"#6b6b6b\">No data yet</text>");
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y = top + r * rowHeight;
            if (row.link() != null) {
                svg.append("<a href=\"").append(escape(row.link())).append("\">");
            }
            svg.append("<g class=\"row\"><text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"")
                    .append(y + perRow * BAR_HEIGHT / 2 + 4).append("\" text-anchor=\"end\">")
                    .append(escape(row.label())).append("</text>");
            for (int s = 0; s < row.values().size(); s++) {
                BigDecimal v = row.values().get(s);
                long w = Math.max(v.signum() > 0 ? 1 : 0, Math.round(v.doubleValue() * scale));
                int by = y + s * BAR_HEIGHT;
                svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(by + 1)
                        .append("\" width=\"").append(w).append("\" height=\"").append(BAR_HEIGHT - 2)
                        .append("\" fill=\"").append(color(s)).append("\"><title>").append(escape(row.label()));
                if (series.size() > 1) {
                    svg.append(", ").append(escape(series.get(s)));
                }
                svg.append(": ").append(escape(format.apply(v))).append("</title></rect>");
                svg.append("<text x=\"").append(LABEL_WIDTH + w + 4).append("\" y=\"").append(by + BAR_HEIGHT - 4)
                        .append("\">").append(escape(format.apply(v))).append("</text>");
            }
            svg.append("</g>");
            if (row.link() != null) {
                svg.append("</a>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private String color(int series) {
        return colors.get(series % colors.size());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
