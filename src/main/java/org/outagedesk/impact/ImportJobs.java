package org.outagedesk.impact;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.BackgroundTimer;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports running in the background, so that the person who uploaded may leave the screen and come back to the
 * progress. One import per incident at a time (two at once would fight over the same rows), across nodes: the jobs
 * are rows of {@code import_job} (V106), so every node shows the running import of an incident, its progress and
 * its result, whichever node runs it. The node running an import writes its progress (at most twice a second) and a
 * heartbeat every third of {@code outagedesk.jobs.lease}; an import whose heartbeat is older than the lease was on
 * a node that died: it shows as failed, and no longer blocks a new import. Its merge is one transaction, which the
 * database rolled back with the dead node's connection: nothing half imported. The uploaded file was on that
 * node's disk, so it is not resumed: it is uploaded again.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final String COLUMNS = "id, incident_id, file_name, started_by, started_at, phase, progress,"
            + " rows_read, result_json, failure, heartbeat_at, job_owner";
    static final String NODE_STOPPED = "The node running this import stopped before it finished; nothing was"
            + " imported (an import is all or nothing). Upload the file again";
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private final ImpactImporter importer;
    private final Clock clock;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final JobLeases leases;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastWritten = new ConcurrentHashMap<>();
    private final BackgroundTimer heartbeat = new BackgroundTimer("import-heartbeat", log);

    ImportJobs(ImpactImporter importer, Clock clock, NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactions, JsonMapper json, JobLeases leases) {
        this.importer = importer;
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
        this.leases = leases;
        // its own short transactions, also when called inside another (progress is seen while the import runs)
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startHeartbeat() {
        Duration every = leases.lease().dividedBy(3);
        heartbeat.start(every, every, this::beat);
    }

    @PreDestroy
    void stop() {
        heartbeat.stop();
    }

    /** Renews the heartbeat of the imports this node runs. */
    void beat() {
        if (!runningHere.isEmpty()) {
            tx.executeWithoutResult(s -> jdbc.update("update import_job set heartbeat_at = :now where id in (:ids)",
                    new MapSqlParameterSource("now", Timestamp.from(clock.instant()))
                            .addValue("ids", List.copyOf(runningHere))));
        }
    }

    ImportJobStatus start(long incidentId, Path file, String fileName, ImportMode mode) {
        ImportJobStatus job;
        try {
            job = begin(incidentId, fileName);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        // the job runs as the person who started it: the role checks and the audit trail name them
        executor.submit(new DelegatingSecurityContextRunnable(() -> run(job, file, mode)));
        return job;
    }

    /** Runs an import on the calling thread while it counts as the incident's running import. */
    ImportResult runNow(long incidentId, InputStream in, long size, String fileName, ImportMode mode) {
        ImportJobStatus job = begin(incidentId, fileName);
        try {
            ImportResult result = importer.importCsv(incidentId, in, size, fileName, mode, progressOf(job));
            finish(job, result, null);
            return result;
        } catch (RuntimeException e) {
            finish(job, null, e instanceof DomainException ? e.getMessage()
                    : "The import failed and nothing was imported; the error has been logged");
            throw e;
        }
    }

    /** The running or last import of the incident, from the database: the same on every node. */
    Optional<ImportJobStatus> latest(long incidentId) {
        List<ImportJobStatus> rows = jdbc.query("select " + COLUMNS + " from import_job where incident_id = :incident"
                + " order by started_at desc, id desc fetch first 1 rows only",
                new MapSqlParameterSource("incident", incidentId), (rs, n) -> status(rs));
        return rows.stream().findFirst();
    }

    /** Registers a running import of the incident, unless one runs (on any node); a dead node's no longer counts. */
    private ImportJobStatus begin(long incidentId, String fileName) {
        Instant now = clock.instant();
        ImportJobStatus job = new ImportJobStatus(UUID.randomUUID().toString(), incidentId, clip(fileName, 255),
                CurrentActor.username(), now, ImportJobStatus.Phase.CHECKING, 0, 0, null, null);
        try {
            tx.executeWithoutResult(s -> {
                MapSqlParameterSource p = new MapSqlParameterSource("incident", incidentId)
                        .addValue("failure", NODE_STOPPED);
                // the incident's running import, unless its node has stopped (then it is failed here and now)
                List<String> stopped = jdbc.query("select id, heartbeat_at, job_owner from import_job"
                        + " where running_incident_id = :incident", p, (rs, n) -> stopped(
                                rs.getTimestamp(2).toInstant(), rs.getString(3)) ? rs.getString(1) : null)
                        .stream().filter(Objects::nonNull).toList();
                if (!stopped.isEmpty()) {
                    jdbc.update("update import_job set phase = 'FAILED', failure = :failure, running_incident_id ="
                            + " null where id in (:stopped)", p.addValue("stopped", stopped));
                }
                jdbc.update("insert into import_job (id, incident_id, running_incident_id, file_name, started_by,"
                        + " started_at, phase, progress, rows_read, job_owner, heartbeat_at) values (:id, :incident,"
                        + " :incident, :file, :by, :at, 'CHECKING', 0, 0, :node, :at)", p.addValue("id", job.id())
                        .addValue("file", job.fileName()).addValue("by", job.startedBy())
                        .addValue("at", Timestamp.from(now)).addValue("node", leases.node()));
            });
        } catch (DuplicateKeyException e) {
            throw running(incidentId);
        }
        runningHere.add(job.id());
        return job;
    }

    private DomainException running(long incidentId) {
        List<String> who = jdbc.query("select started_by, file_name from import_job where running_incident_id ="
                + " :incident", new MapSqlParameterSource("incident", incidentId),
                (rs, n) -> rs.getString(1) + " is importing " + rs.getString(2));
        return DomainException.conflict((who.isEmpty() ? "Another import is running" : who.getFirst())
                + " into this incident; wait until it is done");
    }

    private void run(ImportJobStatus job, Path file, ImportMode mode) {
        try (InputStream in = Files.newInputStream(file)) {
            ImportResult result = importer.importCsv(job.incidentId(), in, Files.size(file), job.fileName(), mode,
                    progressOf(job));
            finish(job, result, null);
        } catch (Exception e) {
            log.error("Import of {} into incident {} failed", job.fileName(), job.incidentId(), e);
            finish(job, null, "The import failed and nothing was imported" + (e instanceof DomainException
                    ? ": " + e.getMessage() : "; the error has been logged"));
        } finally {
            deleteQuietly(file);
        }
    }

    private ImpactImporter.Progress progressOf(ImportJobStatus job) {
        ImportJobStatus.Phase[] last = {job.phase()};
        return (phase, rows, fraction) -> {
            long now = System.nanoTime();
            Long written = lastWritten.get(job.id());
            if (phase == last[0] && written != null && now - written < PROGRESS_EVERY_NANOS) {
                return;
            }
            last[0] = phase;
            lastWritten.put(job.id(), now);
            tx.executeWithoutResult(s -> jdbc.update("update import_job set phase = :phase, progress = :progress,"
                    + " rows_read = :rows, heartbeat_at = :now where id = :id and running_incident_id is not null",
                    new MapSqlParameterSource("id", job.id()).addValue("phase", phase.name())
                            .addValue("progress", fraction).addValue("rows", rows)
                            .addValue("now", Timestamp.from(clock.instant()))));
        };
    }

    private void finish(ImportJobStatus job, @Nullable ImportResult result, @Nullable String failure) {
        runningHere.remove(job.id());
        lastWritten.remove(job.id());
        try {
            tx.executeWithoutResult(s -> jdbc.update("update import_job set phase = :phase, progress = 1,"
                    + " result_json = :result, failure = :failure, running_incident_id = null, heartbeat_at = :now"
                    + " where id = :id", new MapSqlParameterSource("id", job.id())
                            .addValue("phase", result == null ? "FAILED" : "DONE")
                            .addValue("result", result == null ? null : json.writeValueAsString(result))
                            .addValue("failure", failure == null ? null : clip(failure, 1000))
                            .addValue("now", Timestamp.from(clock.instant()))));
        } catch (RuntimeException e) {
            // the import itself is done (or failed) as it says; its heartbeat stops, so it shows as failed later
            log.error("Could not record the end of import {} of {}", job.id(), job.fileName(), e);
        }
    }

    /**
     * Whether the node running an import has stopped: its heartbeat lapsed (the lease), or it was a process of this
     * host that has ended (a node restarted after a crash need not wait for the lease; the demo's sample data, loaded
     * at start, would stop the start meanwhile).
     */
    private boolean stopped(Instant heartbeat, @Nullable String owner) {
        return heartbeat.isBefore(clock.instant().minus(leases.lease())) || leases.ownerEnded(owner);
    }

    private ImportJobStatus status(ResultSet rs) throws SQLException {
        ImportJobStatus.Phase phase = ImportJobStatus.Phase.valueOf(rs.getString("phase"));
        String resultJson = rs.getString("result_json");
        String failure = rs.getString("failure");
        Instant heartbeat = rs.getTimestamp("heartbeat_at").toInstant();
        boolean running = phase == ImportJobStatus.Phase.CHECKING || phase == ImportJobStatus.Phase.MERGING;
        if (running && stopped(heartbeat, rs.getString("job_owner"))) {
            phase = ImportJobStatus.Phase.FAILED;
            failure = NODE_STOPPED;
        }
        return new ImportJobStatus(rs.getString("id"), rs.getLong("incident_id"), rs.getString("file_name"),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), phase, rs.getDouble("progress"),
                rs.getLong("rows_read"), resultJson == null ? null : json.readValue(resultJson, ImportResult.class),
                failure);
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}", file, e);
        }
    }
}
