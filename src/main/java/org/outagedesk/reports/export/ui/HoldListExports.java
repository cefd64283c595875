package org.outagedesk.reports.export.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.holds.ui.HoldListAction;
import org.outagedesk.reports.export.RetailPackExport;

/** "Retail pack (XLSX)" of every store on the Stop-sales screen, for incident managers and executives. */
@org.springframework.stereotype.Component
class HoldListExports implements HoldListAction {

    private final RetailPackExport export;

    HoldListExports(RetailPackExport export) {
        this.export = export;
    }

    @Override
    public List<Component> controls(HoldListAction.Screen screen) {
        boolean allowed = CurrentActor.allows(RetailPackExport.ALL_STORES);
        return allowed ? List.of(ExportDownloads.retailPack(export)) : List.of();
    }
}
