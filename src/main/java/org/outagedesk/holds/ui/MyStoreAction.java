package org.outagedesk.holds.ui;

import com.vaadin.flow.component.Component;

/**
 * A control another feature adds to the store manager's screen (the retail pack download). Implementations are
 * Spring beans in their own feature, so the dependency points from that feature to this one.
 */
public interface MyStoreAction {

    Component create();
}
