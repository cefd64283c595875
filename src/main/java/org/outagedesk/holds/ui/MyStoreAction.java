package org.outagedesk.holds.ui;

import org.outagedesk.base.ui.ToolbarContribution;
import org.springframework.modulith.NamedInterface;

/** Controls another feature adds to the store manager's screen (the retail pack download). */
@NamedInterface("ui-extensions")
public interface MyStoreAction extends ToolbarContribution<MyStoreAction.Screen> {

    /** The store manager's screen tells its contributions nothing: the store is the signed-in manager's own. */
    @NamedInterface("ui-extensions") // a nested type is not part of its outer type's interface
    record Screen() {
    }
}
