package org.outagedesk.holds.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.outagedesk.holds.HoldSummary;
import org.springframework.modulith.NamedInterface;

/**
 * A part another feature adds to a hold's details on the Stop-sales screen (the escalations e-mailed for it).
 * Implementations are Spring beans in their own feature, so the dependency points from that feature to this one.
 */
@NamedInterface("ui-extensions")
public interface HoldDetailsSection {

    /** The part for this hold, or empty when there is nothing to show or the signed-in role may not see it. */
    Optional<Component> create(HoldSummary hold);
}
