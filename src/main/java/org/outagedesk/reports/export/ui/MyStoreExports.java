package org.outagedesk.reports.export.ui;

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
    public com.vaadin.flow.component.Component create() {
        return ExportDownloads.retailPack(export);
    }
}
