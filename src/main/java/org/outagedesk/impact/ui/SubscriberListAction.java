package org.outagedesk.impact.ui;

import com.vaadin.flow.component.Component;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.impact.ImpactFilter;

/**
 * A control another feature adds to the affected-subscribers toolbar (the exports' download links), given the
 * incident and the filter the grid shows (read them when used, not when created). Implementations are Spring beans
 * in their own feature, so the dependency points from that feature to this one and the features stay free of cycles.
 */
public interface SubscriberListAction {

    Component create(Supplier<@Nullable Long> incident, Supplier<ImpactFilter> filter);
}
