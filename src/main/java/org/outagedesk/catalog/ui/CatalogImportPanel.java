package org.outagedesk.catalog.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.catalog.CatalogImportMode;
import org.outagedesk.catalog.CatalogImportResult;

/**
 * Upload of one catalog CSV (SKUs, stores or regions) and its report: what was added, updated and left unchanged,
 * or, when nothing was applied, every rejected row by line and field.
 */
class CatalogImportPanel extends Div {

    /** Runs the import of a file (the service checks the role). */
    interface Importer {
        CatalogImportResult run(InputStream csv, String fileName, CatalogImportMode mode);
    }

    private static final int SHOWN_ERRORS = 50;

    private final Checkbox validRows = new Checkbox("Import the valid rows even if some are bad");
    private final Div report = new Div();

    CatalogImportPanel(String what, String idPrefix, String columns, Importer importer, Runnable afterImport) {
        addClassName("od-import-panel");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            CatalogImportMode mode = validRows.getValue() ? CatalogImportMode.VALID_ROWS
                    : CatalogImportMode.ALL_OR_NOTHING;
            UI ui = getUI().orElse(null);
            if (ui == null) {
                return;
            }
            CatalogImportResult result;
            try {
                result = importer.run(new ByteArrayInputStream(bytes), metadata.fileName(), mode);
            } catch (DomainException e) {
                ui.access(() -> Notifications.error(e.getMessage()));
                return;
            }
            ui.access(() -> {
                show(what, result);
                if (result.applied()) {
                    afterImport.run();
                }
            });
        }));
        upload.setId(idPrefix + "-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(10 * 1024 * 1024);
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage() + " (CSV only, at most 10 MB)"));
        upload.setUploadButton(new Button("Upload " + what + " CSV…"));
        validRows.setId(idPrefix + "-valid-rows");
        Paragraph help = new Paragraph("CSV, UTF-8, header " + columns + ". Re-importing updates by code; by"
                + " default one bad row refuses the whole file.");
        help.addClassNames("text-s", "text-secondary", "m-0");
        report.setId(idPrefix + "-report");
        HorizontalLayout row = new HorizontalLayout(upload, validRows);
        row.setAlignItems(HorizontalLayout.Alignment.CENTER);
        add(help, row, report);
    }

    private void show(String what, CatalogImportResult r) {
        report.removeAll();
        Paragraph summary = new Paragraph(r.applied()
                ? r.imported() + " " + what + " added, " + r.updated() + " updated, " + r.unchanged() + " unchanged"
                        + (r.rejected() > 0 ? "; " + r.rejected() + " rejected rows were left out" : "") + "."
                : "Nothing was imported: " + (r.rejected() > 0 ? r.rejected() + " rows have problems. Correct them"
                        + " and upload the file again, or import the valid rows only." : r.errors().getFirst()
                                .message()));
        summary.addClassName("od-import-summary");
        report.add(summary);
        if (!r.errors().isEmpty() && (r.rejected() > 0 || r.applied())) {
            UnorderedList list = new UnorderedList();
            list.addClassNames("text-s", "text-error");
            r.errors().stream().limit(SHOWN_ERRORS).forEach(e -> list.add(new ListItem(describe(e))));
            report.add(list);
            if (r.errors().size() > SHOWN_ERRORS) {
                report.add(new Paragraph("… and " + (r.errors().size() - SHOWN_ERRORS) + " more problems."));
            }
        }
    }

    private static String describe(RowError e) {
        return (e.line() > 0 ? "Line " + e.line() + ", " : "") + e.field() + ": " + e.message();
    }
}
