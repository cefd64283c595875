package org.outagedesk.backups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online backups of the embedded H2 database while the application runs and writes. H2's {@code BACKUP TO} copies
 * the store as of one commit (it stops reusing file space while it copies, so nothing it copies is overwritten),
 * into a zip in the backup folder; the SHA-256 goes beside it, the oldest beyond {@code keep} are deleted, and each
 * backup is audited. One backup at a time. On PostgreSQL, PostgreSQL's own tools do this (the README says how).
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final DataSource dataSource;
    private final BackupProperties properties;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicReference<@Nullable Instant> runningSince = new AtomicReference<>();
    private volatile @Nullable DatabaseKind kind;

    BackupService(DataSource dataSource, BackupProperties properties, AuditService audit,
            TransactionTemplate transactions, Clock clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The backups in the backup folder, newest first. */
    @IncidentManagersOnly
    public List<Backup> list() {
        try {
            return BackupFiles.list(properties.dir());
        } catch (IOException e) {
            log.error("Cannot list the backup folder {}", properties.dir(), e);
            throw new IllegalStateException("The backup folder cannot be read; the server log says why");
        }
    }

    /** Takes a backup now, as the signed-in incident manager; returns it once written and checked. */
    @IncidentManagersOnly
    public Backup backUpNow() {
        return create();
    }

    /** Why this installation cannot be backed up from here, or empty when it can. */
    @IncidentManagersOnly
    public Optional<String> whyNoBackup() {
        return Optional.ofNullable(kind().whyNoBackup());
    }

    /** When the backup now running started, or empty. */
    @IncidentManagersOnly
    public Optional<Instant> runningSince() {
        return Optional.ofNullable(runningSince.get());
    }

    /** The folder backups go to (for the screen and the health report). */
    public Path folder() {
        return properties.dir();
    }

    int keep() {
        return properties.keep();
    }

    /** The scheduled backup, as the user "system". Quietly does nothing where Outage Desk cannot back up. */
    @Scheduled(cron = "${outagedesk.backups.schedule:0 0 2 * * *}")
    void scheduled() {
        String why = kind().whyNoBackup();
        if (why != null) {
            log.info("No scheduled backup: {}", why);
            return;
        }
        try {
            SystemActor.run(this::create);
        } catch (RuntimeException e) {
            log.error("The scheduled backup failed", e);
        }
    }

    private Backup create() {
        String why = kind().whyNoBackup();
        if (why != null) {
            throw DomainException.conflict(why);
        }
        if (!oneAtATime.tryLock()) {
            Instant since = runningSince.get();
            throw DomainException.conflict("A backup is already running" + (since == null ? "" : " (since " + since
                    + ")") + "; wait for it to finish.");
        }
        Instant started = clock.instant();
        runningSince.set(started);
        Path dir = properties.dir();
        Path part = null;
        try {
            Files.createDirectories(dir);
            String name;
            long nanos = System.nanoTime();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                String version = SchemaVersions.of(c).map(Object::toString).orElse("0");
                name = BackupFiles.fileName(started, version);
                part = dir.resolve(name + ".part");
                s.execute("BACKUP TO '" + part.toString().replace("'", "''") + "'");
            }
            Path file = dir.resolve(name);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            part = null;
            String sha256 = BackupFiles.sha256(file);
            BackupFiles.writeChecksum(file, sha256);
            List<String> removed = BackupFiles.prune(dir, properties.keep());
            Backup backup = BackupFiles.describe(file).orElseThrow();
            Duration took = Duration.ofNanos(System.nanoTime() - nanos);
            log.info("Backup {} written to {}: {}, SHA-256 {}, schema v{}, in {} ms; removed {}", name, dir,
                    BackupFiles.readableSize(backup.sizeBytes()), sha256, backup.schemaVersion(), took.toMillis(),
                    removed);
            transactions.executeWithoutResult(tx -> audit.record("BACKUP_CREATED", "Backup", name,
                    "Backup " + name + " (" + backup.sizeBytes() + " bytes, SHA-256 " + sha256 + ", schema v"
                            + backup.schemaVersion() + ") in " + dir + ", " + took.toMillis() + " ms"
                            + (removed.isEmpty() ? "" : "; removed the oldest: " + String.join(", ", removed))));
            return backup;
        } catch (IOException | SQLException e) {
            log.error("The backup into {} failed", dir, e);
            transactions.executeWithoutResult(tx -> audit.record("BACKUP_FAILED", "Backup", null,
                    "A backup into " + dir + " failed: " + e.getClass().getSimpleName()));
            throw new IllegalStateException("The backup failed; the server log says why");
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    log.warn("Cannot delete the unfinished backup {}", part, e);
                }
            }
            runningSince.set(null);
            oneAtATime.unlock();
        }
    }

    DatabaseKind kind() {
        DatabaseKind k = kind;
        if (k == null) {
            k = DatabaseKind.of(dataSource);
            kind = k;
        }
        return k;
    }
}
