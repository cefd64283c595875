package org.outagedesk.credits.ui;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.ui.ToolbarContribution;
import org.springframework.modulith.NamedInterface;

/** Controls another feature adds to the Credit campaigns screen (the credits ledger download). */
@NamedInterface("ui-extensions")
public interface CampaignsAction extends ToolbarContribution<CampaignsAction.Screen> {

    /** The incident chosen on the screen, read when a control is used. */
    @NamedInterface("ui-extensions") // a nested type is not part of its outer type's interface
    record Screen(Supplier<@Nullable Long> incident) {
    }
}
