package org.outagedesk.holds.ui;

import org.outagedesk.base.ui.ToolbarContribution;

/** Controls another feature adds to the incident team's Stop-sales screen (the retail pack of every store). */
public interface HoldListAction extends ToolbarContribution<HoldListAction.Screen> {

    /** The Stop-sales screen tells its contributions nothing (yet). */
    record Screen() {
    }
}
