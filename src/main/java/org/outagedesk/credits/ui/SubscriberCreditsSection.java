package org.outagedesk.credits.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.Words;
import org.outagedesk.credits.CreditEntryType;
import org.outagedesk.credits.CreditRecord;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.SubscriberCredits;
import org.outagedesk.impact.ui.SubscriberImpactSection;

/**
 * On the subscriber's page, per incident: the credits they hold, the room left under the cap, and the way to the
 * Credits screen to issue one. Everyone who may open the subscriber page may read credits.
 */
@org.springframework.stereotype.Component
class SubscriberCreditsSection implements SubscriberImpactSection {

    private final CreditService credits;

    SubscriberCreditsSection(CreditService credits) {
        this.credits = credits;
    }

    @Override
    public Optional<Component> create(String msisdn, long incidentId) {
        SubscriberCredits c;
        try {
            c = credits.subscriberInIncident(msisdn, incidentId);
        } catch (NotFoundException | DomainException e) {
            return Optional.empty();
        }
        Div section = new Div();
        section.setId("subscriber-credits-" + incidentId);
        section.add(new H4("Credits in this incident"));
        long standing = c.credits().stream().filter(r -> r.entryType() == CreditEntryType.CREDIT).count();
        Paragraph room = new Paragraph(c.credits().isEmpty() ? "No credit yet. Room left under the "
                + Words.money(c.cap()) + " cap: " + Words.money(c.room()) + "."
                : Words.count(standing, "credit") + ", " + Words.money(c.net()) + " held now (reversals counted)."
                        + " Room left under the " + Words.money(c.cap()) + " cap: " + Words.money(c.room()) + ".");
        room.setId("subscriber-credits-room-" + incidentId);
        section.add(room);
        for (CreditRecord r : c.credits()) {
            Paragraph line = new Paragraph(ShownTime.at(r.requestedAt()) + " · " + Words.plain(r.reasonCode()) + " · "
                    + Words.money(r.amount()) + " · " + (r.entryType() == CreditEntryType.REVERSAL
                            ? "reversal of #" + r.reversesId() : r.status().label()));
            line.addClassNames("m-0", "text-s");
            section.add(line);
        }
        section.add(new Anchor("credits?msisdn=" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8) + "&incident="
                + incidentId, "Credits screen: issue or review credits →"));
        return Optional.of(section);
    }
}
