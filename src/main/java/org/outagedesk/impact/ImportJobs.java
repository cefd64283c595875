package org.outagedesk.impact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Imports running in the background, so that the person who uploaded may leave the screen and come back to the
 * progress. One import per incident at a time (two at once would fight over the same rows). Kept in memory: a
 * restart forgets the job, and since the merge is one transaction it also leaves no half import behind.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImpactImporter importer;
    private final Clock clock;
    private final Map<Long, ImportJobStatus> latest = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ImportJobs(ImpactImporter importer, Clock clock) {
        this.importer = importer;
        this.clock = clock;
    }

    synchronized ImportJobStatus start(long incidentId, Path file, String fileName, ImportMode mode) {
        ImportJobStatus current = latest.get(incidentId);
        if (current != null && current.running()) {
            deleteQuietly(file);
            throw DomainException.conflict(current.startedBy() + " is importing "
                    + current.fileName() + " into this incident; wait until it is done");
        }
        ImportJobStatus job = new ImportJobStatus(UUID.randomUUID().toString(), incidentId, fileName,
                CurrentActor.username(), clock.instant(), ImportJobStatus.Phase.CHECKING, 0, 0, null, null);
        latest.put(incidentId, job);
        // the job runs as the person who started it: the role checks and the audit trail name them
        executor.submit(new DelegatingSecurityContextRunnable(() -> run(job, file, mode)));
        return job;
    }

    /** Runs an import on the calling thread while it counts as the incident's running import. */
    ImportResult runNow(long incidentId, InputStream in, long size, String fileName, ImportMode mode) {
        ImportJobStatus job;
        synchronized (this) {
            ImportJobStatus current = latest.get(incidentId);
            if (current != null && current.running()) {
                throw DomainException.conflict(current.startedBy() + " is importing "
                        + current.fileName() + " into this incident; wait until it is done");
            }
            job = new ImportJobStatus(UUID.randomUUID().toString(), incidentId, fileName, CurrentActor.username(),
                    clock.instant(), ImportJobStatus.Phase.CHECKING, 0, 0, null, null);
            latest.put(incidentId, job);
        }
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

    Optional<ImportJobStatus> latest(long incidentId) {
        return Optional.ofNullable(latest.get(incidentId));
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
        return (phase, rows, fraction) -> latest.computeIfPresent(job.incidentId(), (k, s) -> s.id().equals(job.id())
                ? new ImportJobStatus(s.id(), s.incidentId(), s.fileName(), s.startedBy(), s.startedAt(), phase,
                        fraction, rows, null, null)
                : s);
    }

    private void finish(ImportJobStatus job, @Nullable ImportResult result, @Nullable String failure) {
        latest.computeIfPresent(job.incidentId(), (k, s) -> s.id().equals(job.id())
                ? new ImportJobStatus(s.id(), s.incidentId(), s.fileName(), s.startedBy(), s.startedAt(),
                        result == null ? ImportJobStatus.Phase.FAILED : ImportJobStatus.Phase.DONE, 1.0,
                        s.rowsRead(), result, failure)
                : s);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}", file, e);
        }
    }
}
