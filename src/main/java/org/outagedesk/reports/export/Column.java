package org.outagedesk.reports.export;

/**
 * One column of an export.
 *
 * @param header the header text; DATE_TIME columns get the zone appended ("Last contacted (America/Los_Angeles)")
 * @param type   how values are written
 * @param width  the column width in characters
 */
public record Column(String header, ColumnType type, int width) {

    public static Column text(String header, int width) {
        return new Column(header, ColumnType.TEXT, width);
    }

    public static Column count(String header) {
        return new Column(header, ColumnType.COUNT, Math.max(10, header.length() + 2));
    }

    public static Column money(String header) {
        return new Column(header, ColumnType.MONEY, Math.max(14, header.length() + 2));
    }

    public static Column dateTime(String header) {
        return new Column(header, ColumnType.DATE_TIME, Math.max(18, header.length() + 22));
    }
}
