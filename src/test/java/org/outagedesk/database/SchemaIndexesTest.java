package org.outagedesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every index costs each row written to its table, and the bulk paths (import, campaign, top-up, reversal) write
 * millions: no table may carry two indexes over the same columns. H2 gives a foreign key an index of its own unless
 * one with exactly its columns exists when the key is added (see V103), so this is where such twins appear. Read from
 * the JDBC metadata of the run's database: H2 here, PostgreSQL with {@code -Ppostgres}.
 */
@IntegrationTest
class SchemaIndexesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void no_table_has_two_indexes_over_the_same_columns() throws Exception {
        List<String> twins = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("tables of schema " + schema).hasSizeGreaterThan(20);
            for (String table : tables) {
                Map<String, TreeMap<Short, String>> columnsByIndex = new TreeMap<>();
                try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, true)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        if (index != null) {
                            columnsByIndex.computeIfAbsent(index, k -> new TreeMap<>())
                                    .put(rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                Map<String, String> seen = new TreeMap<>();
                columnsByIndex.forEach((index, columns) -> {
                    String key = String.join(",", columns.values()).toLowerCase();
                    String other = seen.putIfAbsent(key, index);
                    if (other != null) {
                        twins.add(table + ": " + other + " and " + index + " (" + key + ")");
                    }
                });
            }
        }
        assertThat(twins).as("indexes over the same columns").isEmpty();
    }
}
