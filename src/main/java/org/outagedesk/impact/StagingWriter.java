package org.outagedesk.impact;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.postgresql.PGConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an import's checked rows into its staging table: the part of staging that differs by engine. H2 takes a
 * JDBC batch of inserts in one short transaction; PostgreSQL takes {@code COPY ... FROM STDIN} (the driver's
 * {@code CopyManager}) into an unlogged table, indexed once the rows are in. {@link ImportStaging} uses the one of
 * this database.
 */
sealed interface StagingWriter {

    /** The staging table's columns, in the order of the checked rows' values. */
    String COLUMNS = "import_id, line, msisdn, account_number, name, sku_code, store_code, region, data_plan,"
            + " last_sync_at, status, cat_contacts, cat_photos, cat_email, cat_sms, cat_calendar, cat_todo, email";

    /** How the staging table is created ("create table" or "create unlogged table"). */
    String createTable();

    /** Whether the number index is made with the table (true) or once every row is in ({@link #afterRows}). */
    boolean indexFirst();

    /** Writes the rows (values in {@link #COLUMNS} order) into the table. */
    void write(String table, List<Object[]> rows);

    /** The engine's writer, from Hibernate's dialect. */
    @Configuration(proxyBeanMethods = false)
    class Choice {
        @Bean
        StagingWriter stagingWriter(EntityManagerFactory emf, JdbcTemplate jdbc,
                PlatformTransactionManager transactions) {
            Dialect dialect = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
            return dialect instanceof PostgreSQLDialect ? new PostgresCopy(jdbc)
                    : new BatchInsert(jdbc, new TransactionTemplate(transactions));
        }
    }

    /** H2: a JDBC batch of inserts, in one short transaction (in autocommit H2 would commit once per row). */
    record BatchInsert(JdbcTemplate jdbc, TransactionTemplate transaction) implements StagingWriter {

        @Override
        public String createTable() {
            return "create table";
        }

        @Override
        public boolean indexFirst() {
            return true;
        }

        @Override
        public void write(String table, List<Object[]> rows) {
            transaction.executeWithoutResult(tx -> jdbc.batchUpdate("insert into " + table + " (" + COLUMNS + ")"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
        }
    }

    /**
     * PostgreSQL: one {@code COPY} per batch, in CSV: every text quoted (so an empty text stays empty and only an
     * unquoted empty field is NULL), booleans as t and f, times in ISO 8601 with their offset. The table is unlogged:
     * it lives for one import and is dropped after it, so a crash loses nothing that matters.
     */
    record PostgresCopy(JdbcTemplate jdbc) implements StagingWriter {

        @Override
        public String createTable() {
            return "create unlogged table";
        }

        @Override
        public boolean indexFirst() {
            return false;
        }

        @Override
        public void write(String table, List<Object[]> rows) {
            StringBuilder csv = new StringBuilder(rows.size() * 160);
            for (Object[] row : rows) {
                for (int k = 0; k < row.length; k++) {
                    if (k > 0) {
                        csv.append(',');
                    }
                    appendField(csv, row[k]);
                }
                csv.append('\n');
            }
            jdbc.execute((ConnectionCallback<Long>) c -> {
                try {
                    return c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + COLUMNS
                            + ") from stdin with (format csv)", new StringReader(csv.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        static void appendField(StringBuilder csv, Object value) {
            switch (value) {
                case null -> {
                    // an unquoted empty field: NULL
                }
                case Boolean b -> csv.append(b ? 't' : 'f');
                case Number n -> csv.append(n);
                case String s -> {
                    csv.append('"');
                    for (int i = 0; i < s.length(); i++) {
                        char c = s.charAt(i);
                        if (c == '"') {
                            csv.append('"');
                        }
                        csv.append(c);
                    }
                    csv.append('"');
                }
                default -> csv.append('"').append(value).append('"');
            }
        }
    }
}
