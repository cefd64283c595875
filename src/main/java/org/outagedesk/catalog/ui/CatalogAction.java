package org.outagedesk.catalog.ui;

import com.vaadin.flow.component.Component;
import java.util.List;

/**
 * Controls another feature adds to the Catalog screen (the export links of {@code reports.export}). Implementations
 * are Spring beans in their own feature, so the dependency points from that feature to this one.
 */
public interface CatalogAction {

    /** The controls, or none when the signed-in role may not use them. */
    List<Component> create();
}
