package org.outagedesk.backups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** Small H2 file databases for the commands' tests, without the application. */
final class H2Fixtures {

    private H2Fixtures() {
    }

    /** A database in {@code dataDir} at Flyway version {@code version} holding one row saying {@code what}. */
    static void database(Path dataDir, String version, String what) throws Exception {
        Files.createDirectories(dataDir);
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            s.execute("create table \"flyway_schema_history\" (\"installed_rank\" int primary key, "
                    + "\"version\" varchar(50), \"success\" boolean not null)");
            s.execute("insert into \"flyway_schema_history\" values (1, '1', true), (2, '" + version + "', true), "
                    + "(3, '99999', false)");
            s.execute("create table marker (what varchar(100))");
            s.execute("insert into marker values ('" + what + "')");
        }
    }

    /** A backup of such a database, taken with H2's BACKUP TO, with its checksum beside it. */
    static Path backup(Path work, String version, String what) throws Exception {
        Path dir = work.resolve("db-" + what);
        database(dir, version, what);
        Path zip = work.resolve(BackupFiles.fileName(Instant.now(), version));
        try (Connection c = connect(dir); Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + zip + "'");
        }
        BackupFiles.writeChecksum(zip, BackupFiles.sha256(zip));
        return zip;
    }

    static String marker(Path dataDir) throws SQLException {
        try (Connection c = connect(dataDir); Statement s = c.createStatement();
                var r = s.executeQuery("select what from marker")) {
            r.next();
            return r.getString(1);
        }
    }

    static Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection(H2DataFolder.url(dataDir), "sa", "");
    }

    /**
     * Grows the database as a crashed import does: a large transaction that never commits, then the process "dies"
     * (SHUTDOWN IMMEDIATELY writes nothing more). Its space stays in the file after the next start rolls it back.
     */
    static void crashDuringALargeImport(Path dataDir, int rows) throws SQLException {
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            s.execute("create table if not exists staging (id bigint primary key, line varchar(200))");
            c.setAutoCommit(false);
            s.execute("insert into staging select x, repeat('x', 150) from system_range(1, " + rows + ")");
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            // the connection dies with the database: that is the crash
        }
    }
}
