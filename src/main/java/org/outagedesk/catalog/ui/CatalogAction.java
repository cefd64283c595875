package org.outagedesk.catalog.ui;

import org.outagedesk.base.ui.ToolbarContribution;

/** Controls another feature adds to the Catalog screen's toolbar (the export links of {@code reports.export}). */
public interface CatalogAction extends ToolbarContribution<CatalogAction.Screen> {

    /** The Catalog screen tells its contributions nothing (yet). */
    record Screen() {
    }
}
