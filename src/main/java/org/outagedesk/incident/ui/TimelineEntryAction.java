package org.outagedesk.incident.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.outagedesk.incident.TimelineEntry;
import org.springframework.modulith.NamedInterface;

/**
 * A control another feature adds to a timeline entry on the incident screen (e-mail a retail instruction to stores).
 * Implementations are Spring beans in their own feature, so the dependency points from that feature to this one.
 */
@NamedInterface("ui-extensions")
public interface TimelineEntryAction {

    /** The control for this entry, or empty when it does not apply to it or the signed-in role may not use it. */
    Optional<Component> create(TimelineEntry entry);
}
