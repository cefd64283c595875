package org.outagedesk.reports.export.ui;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import org.outagedesk.impact.ui.SubscriberListAction;
import org.outagedesk.reports.export.ExportFormat;
import org.outagedesk.reports.export.ImpactExport;
import org.springframework.stereotype.Component;

/** "Export XLSX" and "Export CSV" on the affected-subscribers list, with the grid's incident and filter. */
@Component
class SubscriberListExports implements SubscriberListAction {

    private final ImpactExport export;

    SubscriberListExports(ImpactExport export) {
        this.export = export;
    }

    @Override
    public List<com.vaadin.flow.component.Component> controls(SubscriberListAction.Screen screen) {
        HorizontalLayout links = new HorizontalLayout(
                ExportDownloads.impacts(export, ExportFormat.XLSX, screen.incident(), screen.filter()),
                ExportDownloads.impacts(export, ExportFormat.CSV, screen.incident(), screen.filter()));
        links.setSpacing(false);
        return List.of(links);
    }
}
