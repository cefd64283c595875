package org.outagedesk.backups;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Which database the application runs on, as far as backups care: the embedded H2 in files (which Outage Desk can
 * back up and compact itself), H2 in memory (nothing on disk), or another server (PostgreSQL: its own tools).
 *
 * @param product  "H2", "PostgreSQL"...
 * @param h2File   H2 with its files in this process (not in memory, not a TCP server)
 * @param inMemory H2 in memory
 * @param dataDir  the folder of the H2 files (null unless h2File)
 */
record DatabaseKind(String product, boolean h2File, boolean inMemory, @Nullable Path dataDir) {

    static DatabaseKind of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String url = c.getMetaData().getURL().toLowerCase(Locale.ROOT);
            if (!"H2".equalsIgnoreCase(product)) {
                return new DatabaseKind(product, false, false, null);
            }
            boolean memory = url.startsWith("jdbc:h2:mem:");
            boolean remote = url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
            if (memory || remote) {
                return new DatabaseKind(product, false, memory, null);
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select database_path()")) {
                r.next();
                Path prefix = Path.of(r.getString(1)).toAbsolutePath().normalize();
                return new DatabaseKind(product, true, false, prefix.getParent());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    boolean postgres() {
        return "PostgreSQL".equalsIgnoreCase(product);
    }

    /** Why Outage Desk cannot back this database up itself, or null when it can. */
    @Nullable String whyNoBackup() {
        if (h2File) {
            return null;
        }
        if (inMemory) {
            return "The database is in memory: there is nothing on disk to back up.";
        }
        if (postgres()) {
            return "Outage Desk runs on PostgreSQL here: back it up with PostgreSQL's own tools (pg_dump for a "
                    + "copy, pg_basebackup with WAL archiving for point-in-time recovery), as the README's Backups "
                    + "section describes.";
        }
        return "Outage Desk backs up only its embedded H2 database; back up this " + product
                + " database with its own tools.";
    }
}
