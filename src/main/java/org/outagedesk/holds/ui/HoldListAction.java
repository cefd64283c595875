package org.outagedesk.holds.ui;

import org.outagedesk.base.ui.ToolbarContribution;
import org.springframework.modulith.NamedInterface;

/** Controls another feature adds to the incident team's Stop-sales screen (the retail pack of every store). */
@NamedInterface("ui-extensions")
public interface HoldListAction extends ToolbarContribution<HoldListAction.Screen> {

    /** The Stop-sales screen tells its contributions nothing (yet). */
    @NamedInterface("ui-extensions") // a nested type is not part of its outer type's interface
    record Screen() {
    }
}
