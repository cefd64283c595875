package org.outagedesk.reports.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import org.outagedesk.catalog.ui.CatalogAction;
import org.outagedesk.reports.export.CatalogExport;
import org.outagedesk.reports.export.ExportFormat;

/** The Catalog screen's export links: each CSV in the columns its import reads, and the whole catalog as XLSX. */
@org.springframework.stereotype.Component
class CatalogExports implements CatalogAction {

    private final CatalogExport export;

    CatalogExports(CatalogExport export) {
        this.export = export;
    }

    @Override
    public List<Component> controls(CatalogAction.Screen screen) {
        return List.of(
                link("SKUs (CSV)", "export-skus-csv", "skus", ExportFormat.CSV, Kind.SKUS),
                link("Stores (CSV)", "export-stores-csv", "stores", ExportFormat.CSV, Kind.STORES),
                link("Regions (CSV)", "export-regions-csv", "regions", ExportFormat.CSV, Kind.REGIONS),
                link("Catalog (XLSX)", "export-catalog-xlsx", "catalog", ExportFormat.XLSX, Kind.ALL));
    }

    private enum Kind {
        SKUS, STORES, REGIONS, ALL
    }

    private Anchor link(String label, String id, String name, ExportFormat format, Kind kind) {
        DownloadHandler handler = event -> {
            event.setFileName(export.fileName(name, format));
            event.setContentType(format.contentType());
            switch (kind) {
                case SKUS -> export.skusCsv(event.getOutputStream());
                case STORES -> export.storesCsv(event.getOutputStream());
                case REGIONS -> export.regionsCsv(event.getOutputStream());
                case ALL -> export.xlsx(event.getOutputStream());
            }
        };
        Button button = new Button(label, VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTabIndex(-1);
        Anchor anchor = new Anchor(handler, "");
        anchor.add(button);
        anchor.setId(id);
        return anchor;
    }
}
