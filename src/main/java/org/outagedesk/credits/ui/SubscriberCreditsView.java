package org.outagedesk.credits.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.base.ui.Words;
import org.outagedesk.credits.CreditRecord;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.SubscriberCredits;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;

/**
 * A subscriber's credits in an incident: status, earlier credits and reversals, the room under the cap, and the
 * credit dialog. Open it with {@code credits?msisdn=+1...&incident=ID} (the subscriber detail view can link here).
 */
@Route("credits")
@PageTitle("Credits")
@Menu(order = 50, icon = "vaadin:money", title = "Credits")
@RolesAllowed({AppRoles.AGENT, AppRoles.INCIDENT_MANAGER, AppRoles.EXECUTIVE})
class SubscriberCreditsView extends VerticalLayout implements BeforeEnterObserver {

    private final CreditService credits;
    private final ComboBox<Incident> incident = new ComboBox<>();
    private final TextField msisdn = new TextField();
    private final Paragraph heading = new Paragraph();
    private final Span room = new Span();
    private final Grid<CreditRecord> grid = new Grid<>();
    private final Button issue = new Button("Issue credit…");
    private final ZoneId zone = ShownTime.viewerZone();
    private final boolean mayIssue = CurrentActor.allows(CreditService.ISSUE);
    private final List<Incident> all;
    private SubscriberCredits current;

    SubscriberCreditsView(CreditService credits, IncidentService incidents) {
        this.credits = credits;
        setSizeFull();
        all = incidents.findAll();
        incident.setItems(all);
        incident.setItemLabelGenerator(Incident::getTitle);
        incident.setAriaLabel("Incident");
        incident.setWidth("22rem");
        if (!all.isEmpty()) {
            incident.setValue(all.getFirst());
        }
        msisdn.setId("credits-msisdn");
        msisdn.setPlaceholder("MSISDN, e.g. +12065550123");
        msisdn.setClearButtonVisible(true);
        Button show = new Button("Show", e -> load());
        show.addClickShortcut(Key.ENTER);
        issue.setId("credits-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.setVisible(false);
        issue.addClickListener(e -> new CreditDialog(credits, current, c -> load()).open());

        grid.addColumn(c -> CreditFormat.time(c.requestedAt(), zone)).setHeader("When").setAutoWidth(true);
        grid.addColumn(c -> Words.plain(c.reasonCode())).setHeader("Reason").setAutoWidth(true);
        grid.addColumn(c -> Words.money(c.amount())).setHeader("Amount").setAutoWidth(true);
        grid.addColumn(c -> c.entryType().name().equals("REVERSAL") ? "Reversal of #" + c.reversesId()
                : c.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(CreditRecord::requestedBy).setHeader("Asked by").setAutoWidth(true);
        grid.addColumn(c -> c.decidedBy() == null ? "" : c.decidedBy()).setHeader("Decided by").setAutoWidth(true);
        grid.addColumn(c -> c.decisionReason() != null ? c.decisionReason() : c.note() == null ? "" : c.note())
                .setHeader("Note / reason").setFlexGrow(1)
                .setTooltipGenerator(c -> c.decisionReason() != null ? c.decisionReason()
                        : c.note() == null ? "" : c.note());
        grid.setEmptyStateText("No credits yet for this subscriber in this incident.");
        grid.setVisible(false);

        heading.setText("Enter a subscriber's number to see their status, earlier credits and the room left under"
                + " the cap" + (mayIssue ? ", then issue a credit." : "."));
        add(new ViewToolbar("Credits", incident), new HorizontalLayout(msisdn, show), heading,
                new HorizontalLayout(room, issue), grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("incident").ifPresent(id -> all.stream()
                .filter(i -> String.valueOf(i.getId()).equals(id)).findFirst().ifPresent(incident::setValue));
        event.getLocation().getQueryParameters().getSingleParameter("msisdn").ifPresent(m -> {
            msisdn.setValue(m);
            load();
        });
    }

    private void load() {
        msisdn.setInvalid(false);
        if (incident.getValue() == null) {
            return;
        }
        try {
            current = credits.subscriberInIncident(msisdn.getValue(), incident.getValue().getId());
        } catch (DomainException | NotFoundException e) {
            msisdn.setErrorMessage(e.getMessage());
            msisdn.setInvalid(true);
            grid.setVisible(false);
            issue.setVisible(false);
            room.setText("");
            return;
        }
        heading.setText(current.msisdn() + " – " + current.name() + ": data-loss status "
                + Optional.ofNullable(DataLossStatus.parseOrNull(current.status()))
                        .map(DataLossStatus::label).orElse(current.status())
                + (current.dataPlan() ? ", has a data plan" : ", no data plan"));
        room.setText("Credited " + Words.money(current.net()) + " of the "
                + Words.money(current.cap()) + " cap: "
                + Words.money(current.room()) + " of room left.");
        room.setId("credits-room");
        grid.setItems(current.credits());
        grid.setVisible(true);
        issue.setVisible(mayIssue);
    }
}
