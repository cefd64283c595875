package org.outagedesk.impact.ui;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.ui.ToolbarContribution;
import org.outagedesk.impact.ImpactFilter;
import org.springframework.modulith.NamedInterface;

/** Controls another feature adds to the affected-subscribers toolbar (the exports' download links). */
@NamedInterface("ui-extensions")
public interface SubscriberListAction extends ToolbarContribution<SubscriberListAction.Screen> {

    /** The incident and the filter the grid shows, read when a control is used. */
    @NamedInterface("ui-extensions") // a nested type is not part of its outer type's interface
    record Screen(Supplier<@Nullable Long> incident, Supplier<ImpactFilter> filter) {
    }
}
