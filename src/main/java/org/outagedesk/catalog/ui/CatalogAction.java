package org.outagedesk.catalog.ui;

import org.outagedesk.base.ui.ToolbarContribution;
import org.springframework.modulith.NamedInterface;

/** Controls another feature adds to the Catalog screen's toolbar (the export links of {@code reports.export}). */
@NamedInterface("ui-extensions")
public interface CatalogAction extends ToolbarContribution<CatalogAction.Screen> {

    /** The Catalog screen tells its contributions nothing (yet). */
    @NamedInterface("ui-extensions") // a nested type is not part of its outer type's interface
    record Screen() {
    }
}
