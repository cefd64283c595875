package org.outagedesk.holds.ui;

import org.outagedesk.base.ui.ToolbarContribution;

/** Controls another feature adds to the store manager's screen (the retail pack download). */
public interface MyStoreAction extends ToolbarContribution<MyStoreAction.Screen> {

    /** The store manager's screen tells its contributions nothing: the store is the signed-in manager's own. */
    record Screen() {
    }
}
