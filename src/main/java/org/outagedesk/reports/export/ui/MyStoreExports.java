package org.outagedesk.reports.export.ui;

import java.util.List;
import org.outagedesk.holds.ui.MyStoreAction;
import org.outagedesk.reports.export.RetailPackExport;
import org.springframework.stereotype.Component;

/** "Retail pack (XLSX)" of the store manager's own store on their screen. */
@Component
class MyStoreExports implements MyStoreAction {

    private final RetailPackExport export;

    MyStoreExports(RetailPackExport export) {
        this.export = export;
    }

    @Override
    public List<com.vaadin.flow.component.Component> controls(MyStoreAction.Screen screen) {
        return List.of(ExportDownloads.retailPack(export));
    }
}
