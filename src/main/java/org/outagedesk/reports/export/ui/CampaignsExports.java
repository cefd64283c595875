package org.outagedesk.reports.export.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.outagedesk.credits.ui.CampaignsAction;
import org.outagedesk.reports.export.CreditLedgerExport;

/** "Credits ledger (XLSX)" of the incident chosen on the Credit campaigns screen. */
@org.springframework.stereotype.Component
class CampaignsExports implements CampaignsAction {

    private final CreditLedgerExport export;

    CampaignsExports(CreditLedgerExport export) {
        this.export = export;
    }

    @Override
    public List<Component> controls(CampaignsAction.Screen screen) {
        // the screen is open to incident managers and executives, who may all read the ledger
        return List.of(ExportDownloads.credits(export, screen.incident()));
    }
}
