package org.outagedesk.impact.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A part another feature adds to a subscriber's incident card (the credits feature: the subscriber's credits in the
 * incident and the room left). Implementations are Spring beans in their own feature, so the dependency points from
 * it to this one.
 */
@NamedInterface("ui-extensions")
public interface SubscriberImpactSection {

    /** The part for this subscriber in this incident, or empty when the signed-in role may not see it. */
    Optional<Component> create(String msisdn, long incidentId);
}
