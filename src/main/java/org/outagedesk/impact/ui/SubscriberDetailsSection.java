package org.outagedesk.impact.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A section another feature adds to a subscriber's detail view (the notices sent to them), given the number.
 * Implementations are Spring beans in their own feature, so the dependency points from that feature to this one.
 */
@NamedInterface("ui-extensions")
public interface SubscriberDetailsSection {

    /** The section, or empty when the viewer may not see it. */
    Optional<Component> create(String msisdn);
}
