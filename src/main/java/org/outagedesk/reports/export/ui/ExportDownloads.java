package org.outagedesk.reports.export.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.reports.export.CreditLedgerExport;
import org.outagedesk.reports.export.ExportFormat;
import org.outagedesk.reports.export.ImpactExport;
import org.outagedesk.reports.export.ImpactReportExport;
import org.outagedesk.reports.export.RetailPackExport;

/**
 * Download links for the exports, for other features' screens. The file is written by a Vaadin download handler
 * while the browser downloads it, outside the session lock, so the console stays responsive during a large export;
 * the browser shows the download's progress. The screen's current filter is read (under the session lock) when the
 * link is clicked, so the file always matches what the grid shows.
 */
public final class ExportDownloads {

    private ExportDownloads() {
    }

    /** "Export XLSX" / "Export CSV" of the affected subscribers with the grid's current incident and filter. */
    public static Anchor impacts(ImpactExport export, ExportFormat format, Supplier<@Nullable Long> incident,
            Supplier<ImpactFilter> filter) {
        DownloadHandler handler = event -> {
            Long incidentId;
            ImpactFilter f;
            VaadinSession session = event.getSession();
            session.lock();
            try {
                incidentId = incident.get();
                f = filter.get();
            } finally {
                session.unlock();
            }
            if (incidentId == null) {
                event.getResponse().setStatus(404);
                return;
            }
            event.setFileName(export.fileName(incidentId, format));
            event.setContentType(format.contentType());
            export.write(incidentId, f, format, event.getOutputStream());
        };
        return link(handler, "Export " + format.name(), "export-impacts-" + format.extension());
    }

    /** The retail pack of the signed-in store manager's store, or of all stores for managers and executives. */
    public static Anchor retailPack(RetailPackExport export) {
        DownloadHandler handler = event -> {
            RetailPackExport.Scope scope = export.scope(null, null);
            event.setFileName(export.fileName(scope));
            event.setContentType(ExportFormat.XLSX.contentType());
            export.write(scope, event.getOutputStream());
        };
        return link(handler, "Retail pack (XLSX)", "export-retail-pack");
    }

    /** The credits ledger of the incident shown. */
    public static Anchor credits(CreditLedgerExport export, Supplier<@Nullable Long> incident) {
        return link(perIncident(incident, export::fileName, export::write), "Credits ledger (XLSX)",
                "export-credits");
    }

    /** The executive impact report of the incident shown (summary, chart, timeline). */
    public static Anchor impactReport(ImpactReportExport export, Supplier<@Nullable Long> incident) {
        return link(perIncident(incident, export::fileName, export::write), "Impact report (XLSX)",
                "export-impact-report");
    }

    /** Writes one incident's XLSX file: the incident the screen shows when the link is clicked, or 404 if none. */
    private static DownloadHandler perIncident(Supplier<@Nullable Long> incident, LongFunction<String> fileName,
            IncidentWriter write) {
        return event -> {
            Long incidentId;
            VaadinSession session = event.getSession();
            session.lock();
            try {
                incidentId = incident.get();
            } finally {
                session.unlock();
            }
            if (incidentId == null) {
                event.getResponse().setStatus(404);
                return;
            }
            event.setFileName(fileName.apply(incidentId));
            event.setContentType(ExportFormat.XLSX.contentType());
            write.write(incidentId, event.getOutputStream());
        };
    }

    @FunctionalInterface
    private interface IncidentWriter {
        void write(long incidentId, OutputStream out) throws IOException;
    }

    private static Anchor link(DownloadHandler handler, String label, String id) {
        Button button = new Button(label, VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTabIndex(-1); // the link takes the focus, not the button inside it
        Anchor anchor = new Anchor(handler, "");
        anchor.add(button);
        anchor.setId(id);
        return anchor;
    }
}
