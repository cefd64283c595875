package org.outagedesk.backups;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The Flyway schema version a database holds, and the highest one this build knows. */
final class SchemaVersions {

    private static final Pattern MIGRATION = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private SchemaVersions() {
    }

    /** The highest version among the migrations this jar carries ({@code db/migration/V<n>__*.sql}). */
    static MigrationVersion known() {
        try {
            MigrationVersion highest = MigrationVersion.EMPTY;
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*.sql")) {
                Matcher m = MIGRATION.matcher(String.valueOf(r.getFilename()));
                if (m.matches()) {
                    MigrationVersion v = MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
                    if (v.isNewerThan(highest)) {
                        highest = v;
                    }
                }
            }
            return highest;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the migrations of this build", e);
        }
    }

    /** The highest successfully applied migration of a database, or empty when Flyway never ran on it. */
    static Optional<MigrationVersion> of(Connection connection) throws SQLException {
        MigrationVersion highest = null;
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(
                        "select \"version\" from \"flyway_schema_history\" where \"success\" and \"version\" is not null")) {
            while (rows.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rows.getString(1));
                if (highest == null || v.isNewerThan(highest)) {
                    highest = v;
                }
            }
        } catch (SQLException e) {
            if ("42S02".equals(e.getSQLState()) || "42P01".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.ofNullable(highest);
    }
}
