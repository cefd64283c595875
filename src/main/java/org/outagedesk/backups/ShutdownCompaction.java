package org.outagedesk.backups;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 file on a clean shutdown, when a good part of it is dead space (a crashed import leaves
 * its rows' space behind; H2's own housekeeping at close is limited to 200 ms and does not win it back). Runs just
 * before the connection pool closes, after everything that used it is gone, and only for H2 in files.
 * <p>
 * {@code SHUTDOWN COMPACT} writes the live data into a new file beside the database and swaps it in at the end, with
 * the database already closed cleanly: if the time limit ({@code outagedesk.compaction.time-limit}) passes, the
 * shutdown goes on, an interrupted compaction leaves the database as it was, and the {@code compact} command can do
 * it on the stopped instance.
 */
@Component
class ShutdownCompaction implements DestructionAwareBeanPostProcessor, EnvironmentAware {

    /** Compact when less than this share of the file's chunks is live data (percent). */
    static final int FILL_RATE_BELOW = 80;

    private static final Logger log = LoggerFactory.getLogger(ShutdownCompaction.class);

    private boolean enabled = true;
    private Duration timeLimit = Duration.ofSeconds(60);
    private volatile boolean done;

    @Override
    public void setEnvironment(Environment environment) {
        enabled = environment.getProperty("outagedesk.compaction.on-shutdown", Boolean.class, true);
        timeLimit = DurationStyle.detectAndParse(
                environment.getProperty("outagedesk.compaction.time-limit", "60s"));
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof HikariDataSource;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        if (enabled && !done && bean instanceof HikariDataSource pool && !pool.isClosed()) {
            done = true;
            try {
                compact(pool);
            } catch (RuntimeException | SQLException e) {
                log.warn("No compaction at shutdown: {}", e.toString());
            }
        }
    }

    private void compact(HikariDataSource pool) throws SQLException {
        DatabaseKind kind = DatabaseKind.of(pool);
        if (!kind.h2File() || kind.dataDir() == null) {
            return;
        }
        int fillRate = chunksFillRate(pool);
        Path file = kind.dataDir().resolve(H2DataFolder.MV_FILE);
        if (fillRate >= FILL_RATE_BELOW) {
            log.debug("No compaction at shutdown: {}% of {} is live data", fillRate, file);
            return;
        }
        long before = size(file);
        long started = System.nanoTime();
        AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
        // its own session, not one of the pool's: the pool may close its connections while this one works
        Thread compaction = Thread.ofPlatform().name("h2-shutdown-compact").daemon(true).start(() -> {
            try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                    pool.getPassword()); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                failure.set(e);
            }
        });
        try {
            if (!compaction.join(timeLimit)) {
                log.warn("Compaction of {} still runs after {} s; shutting down without waiting (the database "
                        + "stays as it was; `java -jar outage-desk.jar compact` does it on the stopped instance)",
                        file, timeLimit.toSeconds());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure.get() != null) {
            log.warn("Compaction of {} at shutdown failed: {}", file, failure.get().toString());
            return;
        }
        log.info("Compacted {} at shutdown from {} to {} ({}% was live data) in {} ms", file,
                BackupFiles.readableSize(before), BackupFiles.readableSize(size(file)), fillRate,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * How much of the file is live data, in percent: the lower of H2's two fill rates. The chunks' fill rate alone
     * is not enough: H2's own housekeeping rewrites sparse chunks in the background, which raises it, but the file
     * keeps the space they left (its fill rate stays low) until a {@code SHUTDOWN COMPACT}. Which of the two a
     * reading sees depended on when the housekeeping ran (a test saw both).
     */
    static int chunksFillRate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select setting_name, setting_value from information_schema.settings "
                        + "where setting_name in ('info.CHUNKS_FILL_RATE', 'info.FILL_RATE')")) {
            int lowest = 100;
            while (r.next()) {
                lowest = Math.min(lowest, Integer.parseInt(r.getString(2)));
            }
            return lowest;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
