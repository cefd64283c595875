package org.outagedesk.credits.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A control another feature adds to the Credit campaigns screen for the incident chosen there (the credits ledger
 * download). Implementations are Spring beans in their own feature, so the dependency points from it to this one.
 */
public interface CampaignsAction {

    /** The control for the incident the screen shows, or empty when the signed-in role may not use it. */
    Optional<Component> create(Supplier<@Nullable Long> incident);
}
