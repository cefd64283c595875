package org.outagedesk.reports.export.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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
    public Optional<Component> create(Supplier<@Nullable Long> incident) {
        // the screen is open to incident managers and executives, who may all read the ledger
        return Optional.of(ExportDownloads.credits(export, incident));
    }
}
