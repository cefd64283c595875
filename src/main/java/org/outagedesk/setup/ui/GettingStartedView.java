package org.outagedesk.setup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.setup.SetupService;
import org.outagedesk.setup.SetupStep;

/**
 * "Getting started": what a new installation still lacks, each with a link to the screen where it is done; the
 * incident manager's home until everything is there (then it says so and stays reachable from the menu). The
 * incident is opened right here (the incident screen shows incidents, it does not create them).
 */
@Route(GettingStartedView.ROUTE)
@PageTitle("Getting started")
@Menu(order = 1, icon = "vaadin:flag-checkered", title = "Getting started")
@RolesAllowed(AppRoles.INCIDENT_MANAGER)
class GettingStartedView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "getting-started";

    private final SetupService setup;
    private final IncidentService incidents;
    private final Clock clock;
    private final Div content = new Div();

    GettingStartedView(SetupService setup, IncidentService incidents, Clock clock) {
        this.setup = setup;
        this.incidents = incidents;
        this.clock = clock;
        content.setId("getting-started");
        content.setWidthFull();
        add(new ViewToolbar("Getting started"), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
        if (event.getLocation().getQueryParameters().getParameters().containsKey("new-incident")) {
            openNewIncident();
        }
    }

    private void show() {
        content.removeAll();
        List<SetupStep> steps = setup.steps();
        long missing = steps.stream().filter(s -> !s.done()).count();
        Paragraph intro = new Paragraph(missing == 0
                ? "Everything is in place: the catalog, the users and an incident. This page stays in the menu."
                : missing + " of " + steps.size() + " steps are still missing before Outage Desk can run an outage."
                        + " Each is done the moment it exists, through this console or the API.");
        intro.setId("getting-started-summary");
        OrderedList list = new OrderedList();
        list.addClassName("od-getting-started");
        for (SetupStep step : steps) {
            ListItem item = new ListItem();
            item.setId("step-" + step.key());
            item.getElement().setAttribute("data-done", String.valueOf(step.done()));
            Span state = new Span(step.done() ? "Done" : "Missing");
            state.getElement().getThemeList().add(step.done() ? "badge success" : "badge error");
            H3 title = new H3(step.title());
            title.addClassNames("text-m", "m-0");
            Paragraph help = new Paragraph(step.help());
            help.addClassNames("text-s", "text-secondary", "m-0");
            item.add(title, state, help);
            if (!step.done()) {
                if (step.key().equals("incident")) {
                    Button open = new Button("Open an incident…", VaadinIcon.PLUS.create(), e -> openNewIncident());
                    open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                    open.setId("open-incident");
                    item.add(open);
                } else {
                    Anchor link = new Anchor(step.route(), "Go to " + linkLabel(step));
                    link.setId("go-" + step.key());
                    item.add(link);
                }
            }
            list.add(item);
        }
        content.add(intro, list);
    }

    private static String linkLabel(SetupStep step) {
        return step.route().startsWith("users") ? "Users" : "Catalog";
    }

    private void openNewIncident() {
        new NewIncidentDialog(incidents, clock, this::show).open();
    }
}
