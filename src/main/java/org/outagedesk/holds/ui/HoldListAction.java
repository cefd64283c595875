package org.outagedesk.holds.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A control another feature adds to the incident team's Stop-sales screen (the retail pack of every store).
 * Implementations are Spring beans in their own feature, so the dependency points from that feature to this one.
 */
public interface HoldListAction {

    /** The control, or empty when the signed-in role may not use it. */
    Optional<Component> create();
}
