package org.outagedesk.backups;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The data folder's size (the embedded H2's files), or the PostgreSQL database's, with the last backup, in the health
 * report. Only incident managers see these details ({@code management.endpoint.health.show-details}); everyone else
 * sees the status alone. Always UP: it reports, it does not judge (the disk space indicator does).
 */
@Component("dataFolder")
class DataFolderHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final BackupService backups;

    DataFolderHealth(DataSource dataSource, BackupService backups) {
        this.dataSource = dataSource;
        this.backups = backups;
    }

    @Override
    public Health health() {
        DatabaseKind kind = backups.kind();
        Health.Builder health = Health.up().withDetail("engine", kind.product());
        try {
            if (kind.h2File() && kind.dataDir() != null) {
                Path dir = kind.dataDir();
                long bytes = H2DataFolder.size(dir);
                health.withDetail("dataFolder", dir.toString()).withDetail("dataFolderBytes", bytes)
                        .withDetail("dataFolderSize", BackupFiles.readableSize(bytes))
                        .withDetail("liveDataPercent", ShutdownCompaction.chunksFillRate(dataSource));
                List<Backup> all = BackupFiles.list(backups.folder());
                health.withDetail("backupFolder", backups.folder().toString())
                        .withDetail("backups", all.size());
                if (!all.isEmpty()) {
                    health.withDetail("lastBackup", all.get(0).createdAt().toString());
                }
            } else if (kind.postgres()) {
                long bytes = postgresSize();
                health.withDetail("databaseBytes", bytes).withDetail("databaseSize", BackupFiles.readableSize(bytes));
            } else if (kind.inMemory()) {
                health.withDetail("dataFolder", "none: the database is in memory");
            }
        } catch (IOException | SQLException e) {
            health.withDetail("sizeUnknown", e.getClass().getSimpleName());
        }
        return health.build();
    }

    private long postgresSize() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        }
    }
}
