package org.outagedesk.backups.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outagedesk.backups.Backup;
import org.outagedesk.backups.BackupFiles;
import org.outagedesk.backups.BackupService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ViewToolbar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * The backups of the embedded database: what is in the backup folder (newest first, times in the viewer's zone)
 * and "Back up now", which runs in the background while the screen shows that it runs.
 */
@Route("backups")
@PageTitle("Backups")
@Menu(order = 95, icon = "vaadin:archive", title = "Backups")
@RolesAllowed(AppRoles.INCIDENT_MANAGER)
class BackupsView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(BackupsView.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss",
            Locale.ENGLISH);

    private final BackupService backups;
    private final Grid<Backup> grid = new Grid<>();
    private final Button backUpNow = new Button("Back up now", VaadinIcon.ARCHIVE.create());
    private final ProgressBar progress = new ProgressBar();
    private final Span state = new Span();
    private final Grid.Column<Backup> takenColumn;
    private ZoneId viewer = ZoneOffset.UTC;
    private @Nullable Registration polling;

    BackupsView(BackupService backups) {
        this.backups = backups;
        setSizeFull();

        Paragraph where = new Paragraph("Backups go to " + backups.folder() + ". The newest backups stay; older "
                + "ones are deleted after each new one. Keep this folder on another disk than the database: the 2009 "
                + "outage lost the main and the backup copy together. Restoring is a command on the stopped "
                + "server (see the README's Backups section).");
        where.setId("backup-folder");

        backUpNow.setId("back-up-now");
        backUpNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backUpNow.addClickListener(e -> confirm());
        progress.setIndeterminate(true);
        progress.setWidth("12em");
        progress.setVisible(false);
        state.setId("backup-state");
        HorizontalLayout running = new HorizontalLayout(progress, state);
        running.setAlignItems(Alignment.CENTER);

        takenColumn = grid.addColumn(b -> WHEN.format(b.createdAt().atZone(viewer))).setHeader("Taken (UTC)")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(b -> BackupFiles.readableSize(b.sizeBytes())).setHeader("Size").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(b -> "v" + b.schemaVersion()).setHeader("Schema").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(b -> b.sha256() == null ? "missing: this file cannot be restored" : b.sha256())
                .setHeader("SHA-256").setFlexGrow(1);
        grid.addColumn(Backup::fileName).setHeader("File").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No backup yet. \"Back up now\" takes one; the scheduled backup runs every night.");
        grid.setSizeFull();

        add(new ViewToolbar("Backups", backUpNow), where, running, grid);
        backups.whyNoBackup().ifPresent(why -> {
            backUpNow.setEnabled(false);
            state.setText(why);
        });
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        useZone(ui.getPage().getExtendedClientDetails());
        ui.getPage().retrieveExtendedClientDetails(this::useZone);
        backups.runningSince().ifPresent(since -> showRunning(ui, since));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    private void useZone(ExtendedClientDetails details) {
        if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
            try {
                viewer = ZoneId.of(details.getTimeZoneId());
            } catch (DateTimeException e) {
                viewer = ZoneOffset.UTC;
            }
        }
        takenColumn.setHeader("Taken (" + viewer.getId() + ")");
        grid.getDataProvider().refreshAll();
    }

    private void confirm() {
        ConfirmDialog dialog = new ConfirmDialog("Back up now?",
                "The database is copied while everyone keeps working; it may take a while on a large database. "
                        + "The newest " + "backups stay in " + backups.folder() + ".", "Back up now",
                e -> start());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("primary");
        dialog.open();
    }

    private void start() {
        UI ui = UI.getCurrent();
        showRunning(ui, Instant.now());
        Runnable work = new DelegatingSecurityContextRunnable(() -> {
            String message;
            boolean ok = false;
            try {
                Backup done = backups.backUpNow();
                message = "Backup " + done.fileName() + " written: " + BackupFiles.readableSize(done.sizeBytes())
                        + ", SHA-256 " + done.sha256();
                ok = true;
            } catch (DomainException e) {
                message = e.getMessage();
            } catch (RuntimeException e) {
                log.error("Back up now failed", e);
                message = "The backup failed; the server log says why.";
            }
            boolean succeeded = ok;
            String shown = message;
            try {
                ui.access(() -> finished(shown, succeeded));
            } catch (UIDetachedException e) {
                // the screen was closed meanwhile: the backup is listed (and audited) all the same
            }
        });
        Thread.ofVirtual().name("backup-now").start(work);
    }

    private void showRunning(UI ui, Instant since) {
        backUpNow.setEnabled(false);
        progress.setVisible(true);
        state.setText("Backing up since " + WHEN.format(since.atZone(viewer)) + " (" + viewer.getId() + ")…");
        ui.setPollInterval(1000);
        if (polling == null) {
            // a backup started elsewhere (another tab, the API, the schedule) ends without telling this screen
            polling = ui.addPollListener(e -> {
                if (backups.runningSince().isEmpty() && progress.isVisible()) {
                    finished(null, true);
                }
            });
        }
    }

    private void finished(@Nullable String message, boolean ok) {
        progress.setVisible(false);
        backUpNow.setEnabled(true);
        state.setText("");
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        if (message != null) {
            if (ok) {
                Notifications.success(message);
            } else {
                Notifications.error(message);
            }
        }
        refresh();
    }

    private void refresh() {
        // a folder listing, at most a few more than outagedesk.backups.keep: no table behind it to page through
        grid.setItems(backups.list());
    }
}
