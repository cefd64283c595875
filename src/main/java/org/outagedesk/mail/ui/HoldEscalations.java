package org.outagedesk.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.ui.HoldDetailsSection;
import org.outagedesk.mail.EscalationLog;
import org.outagedesk.mail.EscalationSent;

/**
 * "Escalations" in a hold's details on Stop-sales: each region contact e-mailed about the hold's overdue stores, when
 * (in the viewer's zone, named), and whether it went out.
 */
@org.springframework.stereotype.Component
class HoldEscalations implements HoldDetailsSection {

    private final EscalationLog log;

    HoldEscalations(EscalationLog log) {
        this.log = log;
    }

    @Override
    public Optional<Component> create(HoldSummary hold) {
        List<EscalationSent> sent = log.ofHold(hold.id());
        Div section = new Div();
        section.setId("hold-escalations");
        section.setWidthFull();
        section.add(new H3("Escalations"));
        if (sent.isEmpty()) {
            section.add(new Paragraph("No escalation sent: once the acknowledgement deadline has passed, each region"
                    + " with overdue stores gets one e-mail to its escalation contact."));
            return Optional.of(section);
        }
        ZoneId viewer = ShownTime.viewerZone();
        Grid<EscalationSent> grid = new Grid<>();
        grid.addColumn(EscalationSent::region).setHeader("Region").setAutoWidth(true);
        grid.addColumn(e -> e.address() == null ? "No escalation contact" : e.address()).setHeader("Contact")
                .setAutoWidth(true);
        grid.addColumn(e -> ShownTime.at(e.sentAt() == null ? e.queuedAt() : e.sentAt(), viewer))
                .setHeader("When").setAutoWidth(true);
        grid.addColumn(e -> e.skipReason() == null ? e.status() : e.status() + ": " + e.skipReason())
                .setHeader("Status").setAutoWidth(true);
        grid.setItems(sent); // one row per region of the hold: a handful
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setWidth("52rem");
        section.add(grid);
        return Optional.of(section);
    }
}
