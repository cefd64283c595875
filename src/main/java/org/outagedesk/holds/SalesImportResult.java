package org.outagedesk.holds;

/** What a daily sales file added: its sales, and how many of them broke a hold. */
public record SalesImportResult(long sales, long violations) {
}
