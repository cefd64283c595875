package org.outagedesk.reports.export;

/**
 * Writes the rows of one table, in XLSX or CSV. Values are given in the order of the columns: String for TEXT,
 * a Number for COUNT, Money or BigDecimal for MONEY, Instant for DATE_TIME; null leaves the cell empty.
 */
public interface TableWriter {

    void row(Object... values);

    /** How many data rows were written (without titles and headers). */
    long rows();
}
