package org.outagedesk.credits.ui;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.ui.ToolbarContribution;

/** Controls another feature adds to the Credit campaigns screen (the credits ledger download). */
public interface CampaignsAction extends ToolbarContribution<CampaignsAction.Screen> {

    /** The incident chosen on the screen, read when a control is used. */
    record Screen(Supplier<@Nullable Long> incident) {
    }
}
