package org.outagedesk.impact;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.DateBounds;
import org.outagedesk.catalog.CatalogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports affected subscribers from CSV at any size in constant memory:
 * <ol>
 * <li>the file streams through Commons CSV ({@link ImportCsvReader}); each row is checked on its own
 * ({@link ImportRowChecker}; line numbers count the header as 1) and good rows are written in batches to a staging
 * table of this import's own ({@code impact_import_<id>}, {@link ImportStaging}), outside any transaction;</li>
 * <li>duplicate MSISDNs within the file are found by SQL on the staging rows;</li>
 * <li>unless a bad row refuses the whole file (the default), a few set-based statements ({@link ImportMerge}) merge
 * the staging rows into subscriber and impact and write the status history, in ONE transaction: a crash leaves
 * nothing half imported;</li>
 * <li>the staging table is dropped whatever happened (deleting a million staging rows took H2 107 s; dropping the
 * table takes milliseconds); tables left by a crash are dropped at the next start.</li>
 * </ol>
 */
@Component
class ImpactImporter {

    private static final Logger log = LoggerFactory.getLogger(ImpactImporter.class);

    /** Told how far an import got: the phase, the data rows read and the share of the file's bytes read. */
    interface Progress {
        Progress NONE = (phase, rows, fraction) -> { };

        void update(ImportJobStatus.Phase phase, long rowsRead, double fraction);
    }

    private final ImportStaging staging;
    private final ImportMerge merge;
    private final TransactionTemplate transaction;
    private final CatalogService catalog;
    private final AuditService audit;
    private final DateBounds dates;

    ImpactImporter(ImportStaging staging, ImportMerge merge, PlatformTransactionManager transactions,
            CatalogService catalog, AuditService audit, DateBounds dates) {
        this.staging = staging;
        this.merge = merge;
        this.transaction = new TransactionTemplate(transactions);
        this.catalog = catalog;
        this.audit = audit;
        this.dates = dates;
    }

    ImportResult importCsv(long incidentId, InputStream input, long size, String fileName, ImportMode mode,
            Progress progress) {
        String importId = staging.create();
        try {
            return run(incidentId, input, size, fileName, mode, progress, importId);
        } finally {
            staging.drop(importId);
        }
    }

    private ImportResult run(long incidentId, InputStream input, long size, String fileName, ImportMode mode,
            Progress progress, String importId) {
        long started = System.nanoTime();
        ImportRowChecker checker = ImportRowChecker.ofCatalog(catalog, dates);
        ImportRowChecker.Errors errors = checker.errors();
        ImportCsvReader reader = new ImportCsvReader(input, checker);

        List<Object[]> batch = new ArrayList<>(ImportStaging.BATCH_SIZE);
        long[] staged = {0};
        RowError fileProblem = reader.read(values -> {
            values[0] = importId;
            batch.add(values);
            if (batch.size() == ImportStaging.BATCH_SIZE) {
                staged[0] += staging.stage(batch);
                progress.update(ImportJobStatus.Phase.CHECKING, reader.rowsRead(),
                        size > 0 ? Math.min(1.0, (double) reader.bytesRead() / size) : 0);
            }
        });
        if (fileProblem != null) {
            return ImportResult.refused(fileProblem);
        }
        long rowsRead = reader.rowsRead();
        staged[0] += staging.stage(batch);
        progress.update(ImportJobStatus.Phase.CHECKING, rowsRead, 1.0);
        staging.rowsIn(importId);
        long checked = System.nanoTime();

        staging.findDuplicates(importId, errors);
        long deduplicated = System.nanoTime();
        staged[0] -= errors.duplicates;
        if (rowsRead == 0) {
            return ImportResult.refused(new RowError(2, "file",
                    "The file has a header but no subscriber rows"));
        }
        List<RowError> listed = errors.sorted();
        if (errors.rejectedRows > 0 && mode == ImportMode.ALL_OR_NOTHING) {
            return new ImportResult(false, 0, 0, errors.rejectedRows, listed, errors.truncated);
        }
        progress.update(ImportJobStatus.Phase.MERGING, rowsRead, 1.0);
        long toMerge = staged[0];
        long[] updated = {0};
        transaction.executeWithoutResult(tx -> {
            updated[0] = merge.merge(incidentId, importId, fileName);
            audit.record("IMPACTS_IMPORTED", "Incident", incidentId, fileName + ": " + (toMerge - updated[0])
                    + " new, " + updated[0] + " updated, " + errors.rejectedRows + " rejected (" + mode.label() + ")");
        });
        long imported = toMerge - updated[0];
        long done = System.nanoTime();
        log.info("Imported {}: {} new, {} updated, {} rejected in {} ms (reading, checking and staging {} ms,"
                + " duplicates {} ms, merge {} ms)", fileName, imported, updated[0], errors.rejectedRows,
                (done - started) / 1_000_000, (checked - started) / 1_000_000, (deduplicated - checked) / 1_000_000,
                (done - deduplicated) / 1_000_000);
        return new ImportResult(true, imported, updated[0], errors.rejectedRows, listed, errors.truncated);
    }
}
