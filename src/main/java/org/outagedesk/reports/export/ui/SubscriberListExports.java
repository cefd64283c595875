package org.outagedesk.reports.export.ui;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.impact.ImpactFilter;
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
    public com.vaadin.flow.component.Component create(Supplier<@Nullable Long> incident,
            Supplier<ImpactFilter> filter) {
        HorizontalLayout links = new HorizontalLayout(
                ExportDownloads.impacts(export, ExportFormat.XLSX, incident, filter),
                ExportDownloads.impacts(export, ExportFormat.CSV, incident, filter));
        links.setSpacing(false);
        return links;
    }
}
