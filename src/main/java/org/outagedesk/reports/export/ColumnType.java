package org.outagedesk.reports.export;

/**
 * How a column's values are written: TEXT as plain (never formula) strings, COUNT as whole numbers, MONEY as a
 * currency with two decimals, DATE_TIME as a spreadsheet date in the report's zone (named in the header).
 */
public enum ColumnType {
    TEXT, COUNT, MONEY, DATE_TIME
}
