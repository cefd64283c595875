package org.outagedesk.impact.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportJobStatus;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImportResult;
import org.springframework.util.unit.DataSize;

/**
 * Upload of a subscribers CSV (incident managers). The file is checked and imported in the background; the panel
 * polls the job, so the user may leave and come back to the progress, and offers the rejected rows as CSV.
 */
class ImportPanel extends Div {

    private static final NumberFormat NUMBER = NumberFormat.getIntegerInstance(Locale.US);

    private final ImpactService impacts;
    private final Supplier<@Nullable Long> incidentId;
    private final Runnable afterImport;
    private final Checkbox validRowsOnly = new Checkbox("Import the valid rows even if some are bad");
    private final ProgressBar progress = new ProgressBar();
    private final Span state = new Span();
    private final Div result = new Div();
    private @Nullable Registration polling;
    private @Nullable String shownJobDone;

    ImportPanel(ImpactService impacts, Supplier<@Nullable Long> incidentId, DataSize maxFileSize,
            Runnable afterImport) {
        this.impacts = impacts;
        this.incidentId = incidentId;
        this.afterImport = afterImport;
        addClassName("od-import-panel");
        setId("import-panel");
        setWidthFull();

        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            Long id = incidentId.get();
            if (id == null) {
                file.delete();
                return;
            }
            ImportMode mode = validRowsOnly.getValue() ? ImportMode.VALID_ROWS : ImportMode.ALL_OR_NOTHING;
            try {
                impacts.startImport(id, file.toPath(), metadata.fileName(), mode);
            } catch (DomainException e) {
                getUI().ifPresent(ui -> ui.access(() -> Notifications.error(e.getMessage())));
                return;
            }
            getUI().ifPresent(ui -> ui.access(this::showLatest));
        }));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxFileSize.toBytes()));
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage() + " (at most "
                + maxFileSize.toMegabytes() + " MB, CSV only)"));

        Paragraph help = new Paragraph("CSV, UTF-8, header msisdn,account,name,sku,store,data_plan,status,categories,"
                + "last_sync. By default one bad row refuses the whole file; re-importing updates subscribers by"
                + " MSISDN. At most " + maxFileSize.toMegabytes() + " MB.");
        help.addClassNames("text-s", "text-secondary", "m-0");
        progress.setVisible(false);
        progress.setWidth("20rem");
        state.setId("import-state");
        result.setId("import-result");
        HorizontalLayout status = new HorizontalLayout(progress, state);
        status.setAlignItems(HorizontalLayout.Alignment.CENTER);
        add(help, new HorizontalLayout(upload, validRowsOnly), status, result);
    }

    boolean hasSomethingToShow() {
        Long id = incidentId.get();
        return id != null && impacts.latestImport(id).isPresent();
    }

    /** Shows the running or last import of the incident, and polls while one runs. */
    void showLatest() {
        Long id = incidentId.get();
        Optional<ImportJobStatus> latest = id == null ? Optional.empty() : impacts.latestImport(id);
        if (latest.isEmpty()) {
            progress.setVisible(false);
            state.setText("");
            result.removeAll();
            return;
        }
        ImportJobStatus job = latest.get();
        progress.setVisible(job.running());
        progress.setIndeterminate(job.phase() == ImportJobStatus.Phase.MERGING);
        progress.setValue(Math.max(0, Math.min(1, job.progress())));
        state.setText(job.fileName() + " (by " + job.startedBy() + "): " + job.phase().label()
                + (job.running() ? ", " + NUMBER.format(job.rowsRead()) + " rows read" : ""));
        if (job.running()) {
            startPolling();
        } else {
            stopPolling();
            showResult(job);
        }
    }

    private void showResult(ImportJobStatus job) {
        result.removeAll();
        if (job.failure() != null) {
            result.add(new Paragraph(job.failure()));
            return;
        }
        ImportResult r = job.result();
        if (r == null) {
            return;
        }
        Paragraph summary = new Paragraph(r.applied()
                ? NUMBER.format(r.imported()) + " new and " + NUMBER.format(r.updated()) + " updated subscribers"
                        + (r.rejected() > 0 ? "; " + NUMBER.format(r.rejected()) + " rejected rows were left out" : "")
                        + "."
                : "Nothing was imported: " + (r.rejected() > 0 ? NUMBER.format(r.rejected())
                        + " rows have problems. Correct them and upload the file again, or import the valid rows only."
                        : r.errors().getFirst().message()));
        summary.setId("import-summary");
        result.add(summary);
        if (!r.errors().isEmpty()) {
            Div firstErrors = new Div();
            r.errors().stream().limit(5).forEach(e -> firstErrors.add(new Paragraph(
                    (e.line() > 0 ? "Line " + e.line() + ", " : "") + e.field() + ": " + e.message())));
            firstErrors.addClassNames("text-s", "text-error");
            byte[] csv = r.errorsAsCsv().getBytes(StandardCharsets.UTF_8);
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(csv), "rejected-rows.csv", "text/csv", csv.length)),
                    "Download every problem as CSV (line, field, message)"
                            + (r.errorsTruncated() ? " — the first " + NUMBER.format(r.errors().size()) : ""));
            download.setId("import-rejected-download");
            result.add(firstErrors, download);
        }
        if (r.applied() && !job.id().equals(shownJobDone)) {
            shownJobDone = job.id();
            afterImport.run();
        }
    }

    private void startPolling() {
        if (polling != null) {
            return;
        }
        getUI().ifPresent(ui -> {
            ui.setPollInterval(1000);
            polling = ui.addPollListener(e -> showLatest());
        });
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        showLatest();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (polling != null) {
            polling.remove();
            polling = null;
            detachEvent.getUI().setPollInterval(-1);
        }
        super.onDetach(detachEvent);
    }
}
