package org.outagedesk.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;

/**
 * What one feature adds to the toolbar of another feature's screen (the export links of {@code reports.export}, for
 * example): the one shape of every such extension point (issue 18). Each screen names its own sub-interface, so that
 * Spring finds the contributions of that screen by type, and a record {@code S} of what the screen tells them (the
 * incident and the filter it shows, as suppliers read when used, not when created; or nothing). Implementations are
 * Spring beans in their own feature, so the dependency points from that feature to the screen's, free of cycles.
 *
 * @param <S> what the screen gives its contributions
 */
public interface ToolbarContribution<S> {

    /** The controls for the signed-in user, in order; none when the role may not use them. */
    List<Component> controls(S screen);
}
