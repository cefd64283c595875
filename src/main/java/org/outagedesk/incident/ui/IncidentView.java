package org.outagedesk.incident.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.base.ui.Words;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineFilter;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.Visibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;

/**
 * The incident screen: the chosen incident's status, severity, lifecycle times and derived durations, and its
 * timeline (pinned first, then newest first, filtered by type and visibility). Incident managers change the status
 * and add, edit and retract entries; agents and executives read everything; store managers read public entries and
 * retail instructions only (the service filters).
 */
@Route("incident")
@PageTitle("Incident")
@Menu(order = 10, icon = "vaadin:flash", title = "Incident")
@RolesAllowed({AppRoles.INCIDENT_MANAGER, AppRoles.AGENT, AppRoles.EXECUTIVE})
class IncidentView extends VerticalLayout implements BeforeEnterObserver {

    private final IncidentService incidents;
    private final TimelineService timeline;
    private final Clock clock;
    private final ObjectProvider<TimelineEntryAction> entryActions;
    private final boolean canChange = CurrentActor.allows(IncidentManagersOnly.RULE);

    private final ComboBox<Incident> chooser = new ComboBox<>();
    private final Div header = new Div();
    private final Select<TimelineEntryType> typeFilter = new Select<>();
    private final Select<Visibility> visibilityFilter = new Select<>();
    private final Button addEntry = new Button("Add entry", VaadinIcon.PLUS.create());
    private final Button changeStatus = new Button("Change status", VaadinIcon.EXCHANGE.create());
    private final Grid<TimelineEntry> grid = new Grid<>();
    private @Nullable Incident incident;
    private ZoneId viewer = ZoneOffset.UTC;

    IncidentView(IncidentService incidents, TimelineService timeline, Clock clock,
            ObjectProvider<TimelineEntryAction> entryActions) {
        this.entryActions = entryActions;
        this.incidents = incidents;
        this.timeline = timeline;
        this.clock = clock;
        setSizeFull();

        chooser.setId("incident-chooser");
        chooser.setAriaLabel("Incident");
        chooser.setItemLabelGenerator(i -> i.getTitle() + " · " + Words.of(i.getStatus()));
        chooser.setWidth("28rem");
        chooser.addValueChangeListener(e -> {
            if (e.getValue() != null && (incident == null || !e.getValue().equals(incident))) {
                show(e.getValue().getId());
            }
        });

        typeFilter.setId("filter-type");
        typeFilter.setAriaLabel("Entry type");
        typeFilter.setItems(TimelineEntryType.values());
        typeFilter.setEmptySelectionAllowed(true);
        typeFilter.setEmptySelectionCaption("All types");
        typeFilter.setItemLabelGenerator(t -> t == null ? "All types" : Words.of(t));
        typeFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        visibilityFilter.setId("filter-visibility");
        visibilityFilter.setAriaLabel("Visibility");
        visibilityFilter.setItems(Visibility.values());
        visibilityFilter.setEmptySelectionAllowed(true);
        visibilityFilter.setEmptySelectionCaption("Public and internal");
        visibilityFilter.setItemLabelGenerator(v -> v == null ? "Public and internal" : Words.of(v));
        visibilityFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        addEntry.setId("add-entry");
        addEntry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addEntry.addClickListener(e -> openEntryDialog(null));
        addEntry.setVisible(canChange);
        changeStatus.setId("change-status");
        changeStatus.addClickListener(e -> openStatusDialog());
        changeStatus.setVisible(canChange);

        header.setId("incident-header");
        header.setWidthFull();

        grid.setId("timeline");
        grid.addComponentColumn(this::card).setHeader("Timeline (pinned first, then newest first)");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(canChange ? "No entry matches. Clear a filter, or add the first entry."
                : "No entry matches. Clear a filter to see more.");
        grid.setWidthFull();
        grid.addClassName("od-fill"); // the timeline takes the window's height below the header: one scroll
        grid.setItems(query -> incident == null ? Stream.empty()
                : timeline.find(incident.getId(), filter(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                        .stream(),
                query -> incident == null ? 0 : (int) timeline.count(incident.getId(), filter()));

        Button newIncident = new Button("New incident", VaadinIcon.PLUS_CIRCLE.create(),
                e -> new NewIncidentDialog(incidents, viewer, created -> show(created.getId())).open());
        newIncident.setId("new-incident");
        newIncident.setVisible(canChange);
        add(new ViewToolbar(null, chooser, changeStatus, newIncident), header,
                new ViewToolbar("Timeline", typeFilter, visibilityFilter, addEntry), grid);
        setFlexGrow(1, grid);

        List<Incident> all = incidents.findAll();
        if (all.isEmpty()) {
            header.add(new Span(canChange ? "No incident has been opened yet. Open one with \"New incident\"."
                    : "No incident has been opened yet. An incident manager opens one here."));
            addEntry.setEnabled(false);
            changeStatus.setEnabled(false);
        } else {
            show(all.getFirst().getId());
        }
    }

    /** {@code incident?id=42} opens that incident (a link that can be shared); otherwise the first open one. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("id").ifPresent(id -> {
            try {
                show(Long.parseLong(id));
            } catch (NumberFormatException | NotFoundException e) {
                Notifications.error("Incident " + id + " does not exist; showing the first open incident");
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        ZoneId browser = Times.viewerZone(event.getUI());
        if (!browser.equals(viewer)) {
            viewer = browser;
            refresh();
        }
        event.getUI().getPage().retrieveExtendedClientDetails(details -> {
            ZoneId reported = Times.viewerZone(event.getUI());
            if (!reported.equals(viewer)) {
                viewer = reported;
                refresh();
            }
        });
    }

    private void show(long incidentId) {
        incident = incidents.get(incidentId);
        chooser.setItems(incidents.findAll());
        chooser.setValue(incident);
        chooser.getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("incident", QueryParameters.of("id", String.valueOf(incidentId)))));
        renderHeader();
        changeStatus.setEnabled(true);
        addEntry.setEnabled(true);
        grid.getDataProvider().refreshAll();
    }

    private void refresh() {
        if (incident != null) {
            show(incident.getId());
        }
    }

    private TimelineFilter filter() {
        return new TimelineFilter(typeFilter.getValue(), visibilityFilter.getValue());
    }

    private void renderHeader() {
        header.removeAll();
        Incident i = incident;
        ZoneId ref = i.getReferenceZone();
        H2 title = new H2(i.getTitle());
        title.setId("incident-title");
        title.addClassNames("text-xl", "m-0");
        Span status = badge(Words.of(i.getStatus()), i.getStatus().isOpen() ? "badge error" : "badge success");
        status.setId("incident-status");
        Span severity = badge(Words.of(i.getSeverity()), "badge contrast");
        severity.setId("incident-severity");
        HorizontalLayout top = new HorizontalLayout(title, status, severity);
        top.setAlignItems(Alignment.CENTER);
        Span services = new Span("Affected: " + String.join(", ", i.getAffectedServices())
                + " · the incident team's zone: " + ShownTime.zoneLongName(ref)
                + " · times below in yours (" + ShownTime.zoneLongName(viewer) + ")");
        services.addClassNames("text-s", "text-secondary", "block");

        Div times = new Div();
        times.setId("incident-times");
        times.addClassNames("grid", "gap-xs", "text-s", "mt-s");
        times.add(line("Started", Times.both(i.getStartedAt(), ref, viewer)),
                line("Detected", Times.both(i.getDetectedAt(), ref, viewer)),
                line("Acknowledged", Times.both(i.getAcknowledgedAt(), ref, viewer)),
                line("Mitigated", Times.both(i.getMitigatedAt(), ref, viewer)),
                line("Resolved", Times.both(i.getResolvedAt(), ref, viewer)),
                line("Time to detect", Times.duration(i.timeToDetect())),
                line("Time to resolve", i.getResolvedAt() == null ? "still open" : Times.duration(i.timeToResolve())));
        header.add(top, services);
        Span due = UpdateDueLine.of(incidents.updateDue(i.getId()), clock.instant(), ref, viewer);
        if (due != null) {
            header.add(due);
        }
        header.add(times);
    }

    private static Div line(String label, String value) {
        Span l = new Span(label + ": ");
        l.addClassName("font-semibold");
        return new Div(l, new Span(value));
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private Component card(TimelineEntry e) {
        ZoneId ref = incident == null ? ZoneOffset.UTC : incident.getReferenceZone();
        Div card = new Div();
        card.addClassNames("od-entry", "py-xs");
        card.getElement().setAttribute("data-entry-id", String.valueOf(e.getId()));

        HorizontalLayout meta = new HorizontalLayout();
        meta.setSpacing(true);
        meta.addClassNames("flex-wrap", "items-center");
        if (e.isPinned()) {
            Span pin = badge("Pinned", "badge");
            pin.addClassName("od-entry-pinned");
            meta.add(pin);
        }
        meta.add(badge(Words.of(e.getType()), "badge contrast"),
                badge(Words.of(e.getVisibility()), e.getVisibility() == Visibility.PUBLIC ? "badge success" : "badge"));
        if (e.isRetracted()) {
            Span retracted = badge("Retracted", "badge error");
            retracted.addClassName("od-entry-retracted");
            meta.add(retracted);
        }
        Span when = new Span(Times.both(e.getOccurredAt(), ref, viewer));
        when.addClassNames("text-s", "od-entry-when");
        meta.add(when);

        // plain text through setText: markup in an entry is shown as typed, never interpreted
        Span text = new Span(e.getText());
        text.addClassNames("block", "my-xs", "od-entry-text");
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        if (e.isRetracted()) {
            text.getStyle().set("text-decoration", "line-through").set("color", "var(--lumo-secondary-text-color)");
        }

        StringBuilder by = new StringBuilder("by " + e.getAuthor());
        if (e.getEditedAt() != null) {
            by.append(" · edited by ").append(e.getEditedBy()).append(", ")
                    .append(Times.in(e.getEditedAt(), viewer));
        }
        if (e.isRetracted()) {
            by.append(" · retracted by ").append(e.getRetractedBy()).append(", ")
                    .append(Times.in(e.getRetractedAt(), viewer)).append(": ").append(e.getRetractionReason());
        }
        Span footer = new Span(by.toString());
        footer.addClassNames("text-xs", "text-secondary", "od-entry-by");

        Button history = small("History", ev -> new HistoryDialog(timeline.history(e.getId()), ref, viewer).open());
        history.addClassName("entry-history");
        HorizontalLayout actions = new HorizontalLayout(footer, history);
        actions.setAlignItems(Alignment.CENTER);
        actions.addClassName("flex-wrap");
        if (canChange && !e.isRetracted()) {
            Button edit = small("Edit", ev -> openEntryDialog(e));
            edit.addClassName("entry-edit");
            Button retract = small("Retract", ev -> new RetractDialog(e, timeline, this::refresh).open());
            retract.addClassName("entry-retract");
            retract.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(edit, retract);
        }
        // controls of other features (Send to stores on a retail instruction)
        entryActions.orderedStream().map(a -> a.create(e)).flatMap(Optional::stream).forEach(actions::add);
        card.add(meta, text, actions);
        return card;
    }

    private static Button small(String label,
            ComponentEventListener<ClickEvent<Button>> click) {
        Button b = new Button(label, click);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private void openEntryDialog(@Nullable TimelineEntry existing) {
        if (incident == null) {
            return;
        }
        long incidentId = incident.getId();
        AtomicReference<TimelineEntry> saved = new AtomicReference<>();
        new EntryDialog(existing, incident.getReferenceZone(), viewer, draft -> {
            TimelineEntry entry = existing == null ? timeline.add(incidentId, draft)
                    : timeline.edit(existing.getId(), existing.getVersion(), draft);
            saved.set(entry);
            return entry;
        }, () -> {
            Notifications.success(existing == null ? "Entry added" : "Entry saved");
            refresh();
            if (saved.get() != null) {
                scrollTo(saved.get().getId());
            }
        }).open();
    }

    /** The saved entry is where the eye goes: the timeline scrolls to it (it may sit below the pinned ones). */
    private void scrollTo(long entryId) {
        if (incident == null) {
            return;
        }
        int index = 0;
        for (int page = 0; page < 10; page++) {
            var entries = timeline.find(incident.getId(), filter(), PageRequest.of(
                    page, 200));
            for (TimelineEntry e : entries) {
                if (e.getId().equals(entryId)) {
                    grid.scrollToIndex(index);
                    return;
                }
                index++;
            }
            if (!entries.hasNext()) {
                return;
            }
        }
    }

    private void openStatusDialog() {
        if (incident == null) {
            return;
        }
        try {
            new StatusDialog(incidents.get(incident.getId()), incidents, viewer, this::refresh).open();
        } catch (DomainException e) {
            Notifications.error(e.getMessage());
        }
    }
}
