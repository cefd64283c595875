package org.outagedesk.impact.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.SubscriberDetails;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One subscriber while they are on the phone: who they are, what each incident did to their data (with a warning
 * that cannot be missed when the data is only on the device), the history, the calls, and for agents and incident
 * managers the means to log a call and change the status.
 */
@Route("subscribers/:msisdn")
@PageTitle("Subscriber")
@RolesAllowed({AppRoles.AGENT, AppRoles.INCIDENT_MANAGER, AppRoles.EXECUTIVE})
@StyleSheet("styles/impact.css")
class SubscriberDetailsView extends VerticalLayout implements BeforeEnterObserver {

    private final ImpactService impacts;
    private final ZoneId viewerZone = ShownTime.viewerZone();
    private final ObjectProvider<SubscriberImpactSection> sections;
    private QueryParameters listQuery = QueryParameters.empty();
    private final boolean mayChange = CurrentActor.allows(ImpactService.CHANGE);
    private final ObjectProvider<SubscriberDetailsSection> detailSections;
    private String msisdn = "";

    SubscriberDetailsView(ImpactService impacts,
            ObjectProvider<SubscriberImpactSection> sections,
            ObjectProvider<SubscriberDetailsSection> detailSections) {
        this.impacts = impacts;
        this.sections = sections;
        this.detailSections = detailSections;
        setWidthFull();
        setMaxWidth("72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        msisdn = event.getRouteParameters().get("msisdn").orElse("");
        // the list's filters came along: the way back lands on the list as it was
        listQuery = event.getLocation().getQueryParameters();
        show();
    }

    private void show() {
        removeAll();
        RouterLink back = new RouterLink("← Back to the list", SubscriberListView.class);
        back.setQueryParameters(listQuery);
        back.setId("back-to-list");
        SubscriberDetails s;
        try {
            s = impacts.subscriber(msisdn);
        } catch (NotFoundException | DomainException e) {
            Paragraph missing = new Paragraph("No subscriber " + msisdn + " is on record. Check the number, or search"
                    + " for part of it on the list.");
            missing.setId("subscriber-missing");
            add(back, missing);
            return;
        }
        H2 title = new H2(s.name());
        title.setId("subscriber-name");
        title.addClassName("m-0");
        Span number = new Span(s.msisdn());
        number.setId("subscriber-msisdn");
        number.addClassNames("text-xl", "font-semibold");
        add(back, new HorizontalLayout(title, number));

        Div identity = new Div(
                fact("Account", s.account()),
                fact("Device", s.skuModel() + " (" + s.sku() + ")"),
                fact("Home store", s.storeName() + " (" + s.store() + "), " + s.region()),
                fact("Data plan", s.dataPlan() ? "Yes" : "No"),
                fact("Last successful sync", ImpactUi.when(s.lastSyncAt(), viewerZone,
                        s.impacts().isEmpty() ? viewerZone : ZoneId.of(s.impacts().getFirst().incidentZone()))));
        identity.addClassNames("grid", "gap-s");
        identity.getStyle().set("grid-template-columns", "repeat(auto-fill, minmax(16rem, 1fr))");
        add(identity);

        if (s.impacts().isEmpty()) {
            add(new Paragraph("No incident has affected this subscriber."));
        }
        for (SubscriberDetails.ImpactDetails impact : s.impacts()) {
            add(impactCard(s.msisdn(), impact));
        }
        detailSections.orderedStream().map(x -> x.create(s.msisdn())).flatMap(Optional::stream)
                .forEach(this::add);
    }

    private Div impactCard(String msisdn, SubscriberDetails.ImpactDetails impact) {
        Div card = new Div();
        card.addClassName("od-impact-card");
        card.setWidthFull();
        ZoneId incidentZone = ZoneId.of(impact.incidentZone());
        H3 heading = new H3(impact.incidentTitle());
        heading.addClassName("mt-0");
        Span badge = ImpactUi.badge(impact.status());
        badge.setId("impact-status-" + impact.incidentId());
        HorizontalLayout statusLine = new HorizontalLayout(new Span("Data-loss status:"), badge,
                new Span("Data concerned: " + ImpactUi.categories(impact.categories())),
                new Span("Last contacted: " + ImpactUi.when(impact.lastContactedAt(), viewerZone, incidentZone)));
        statusLine.setAlignItems(Alignment.BASELINE);
        statusLine.addClassName("flex-wrap");
        card.add(heading);
        if (impact.status() == DataLossStatus.DEVICE_ONLY) {
            Div warning = new Div(VaadinIcon.WARNING.create(), new Span(" " + ImpactUi.DEVICE_ONLY_WARNING));
            warning.addClassName("od-device-only-warning");
            warning.setId("device-only-warning");
            warning.getElement().setAttribute("role", "alert");
            card.add(warning);
        }
        card.add(statusLine);
        Paragraph script = new Paragraph(ImpactUi.script(impact.status()));
        script.setId("caller-script-" + impact.incidentId());
        script.addClassName("od-caller-script");
        card.add(script);
        sections.orderedStream().forEach(s -> s.create(msisdn, impact.incidentId()).ifPresent(card::add));
        // credits live in their own feature (which builds on this one): it adds its section through
        // SubscriberImpactSection above; the link stays for the credits screen
        Anchor credits = new Anchor("credits?msisdn=" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8)
                + "&incident=" + impact.incidentId(), "Credits for this incident →");
        credits.setId("credits-link-" + impact.incidentId());
        card.add(credits);

        if (mayChange) {
            Button change = new Button("Change status…", VaadinIcon.EDIT.create(), e -> changeDialog(impact).open());
            change.setId("change-status");
            TextArea note = new TextArea("Log a call");
            note.setId("call-note");
            note.setPlaceholder("What was said or agreed, e.g. \"advised not to reset the device\"");
            note.setWidthFull();
            note.setMaxLength(2000);
            Button log = new Button("Log call", VaadinIcon.PHONE.create());
            log.setId("log-call");
            log.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            log.addClickListener(e -> {
                try {
                    impacts.logContact(impact.incidentId(), msisdn, note.getValue());
                    Notifications.success("Call logged");
                    show();
                } catch (DomainException ex) {
                    note.setInvalid(true);
                    note.setErrorMessage(ex.getMessage());
                }
            });
            HorizontalLayout logRow = new HorizontalLayout(note, log);
            logRow.setWidthFull();
            logRow.setAlignItems(Alignment.END);
            card.add(change, logRow);
        }

        Grid<SubscriberDetails.Contact> calls = new Grid<>();
        calls.setId("contact-log");
        calls.addColumn(c -> ImpactUi.when(c.at(), viewerZone, incidentZone)).setHeader("When").setAutoWidth(true)
                .setFlexGrow(0);
        calls.addColumn(SubscriberDetails.Contact::agent).setHeader("Agent").setAutoWidth(true).setFlexGrow(0);
        calls.addColumn(SubscriberDetails.Contact::note).setHeader("Note").setFlexGrow(1)
                .setTooltipGenerator(SubscriberDetails.Contact::note);
        calls.setItems(impact.contacts());
        calls.setAllRowsVisible(true);
        calls.addThemeVariants(GridVariant.LUMO_COMPACT);
        calls.setEmptyStateText("No call logged yet." + (mayChange ? " Log one above after you speak to them." : ""));

        Grid<SubscriberDetails.StatusChange> history = new Grid<>();
        history.setId("status-history");
        history.addColumn(c -> ImpactUi.when(c.at(), viewerZone, incidentZone)).setHeader("When").setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(c -> c.from() == null ? "—" : c.from().label()).setHeader("From").setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(c -> c.to().label()).setHeader("To").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(SubscriberDetails.StatusChange::by).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(SubscriberDetails.StatusChange::reason).setHeader("Reason").setFlexGrow(1)
                .setTooltipGenerator(SubscriberDetails.StatusChange::reason);
        history.setItems(impact.history());
        history.setAllRowsVisible(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT);

        card.add(new H4("Contact log"), calls, new H4("Status history"), history);
        return card;
    }

    private Dialog changeDialog(SubscriberDetails.ImpactDetails impact) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Change the data-loss status");
        Select<DataLossStatus> status = new Select<>();
        status.setLabel("Status");
        status.setId("new-status");
        status.setItems(DataLossStatus.values());
        status.setItemLabelGenerator(DataLossStatus::label);
        status.setValue(impact.status());
        CheckboxGroup<DataCategory> categories = new CheckboxGroup<>("Data concerned");
        categories.setItems(DataCategory.values());
        categories.setItemLabelGenerator(DataCategory::label);
        categories.setValue(impact.categories());
        TextArea reason = new TextArea("Reason");
        reason.setId("change-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        Button save = new Button("Save", e -> {
            try {
                impacts.changeStatus(impact.incidentId(), msisdn, status.getValue(),
                        categories.getValue().isEmpty() ? EnumSet.noneOf(DataCategory.class)
                                : EnumSet.copyOf(categories.getValue()), reason.getValue());
                Notifications.success("Status saved");
                dialog.close();
                show();
            } catch (DomainException ex) {
                if ("reason".equals(ex.field())) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(ex.getMessage());
                } else {
                    Notifications.error(ex.getMessage());
                }
            }
        });
        save.setId("save-status");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(status, categories, reason));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassNames("text-s", "text-secondary");
        Span v = new Span(value);
        Div d = new Div(l, v);
        d.addClassNames("flex", "flex-col");
        return d;
    }
}
