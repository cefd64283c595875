package org.outagedesk.holds.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.TabStrip;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.holds.AcknowledgementProgress;
import org.outagedesk.holds.HoldService.AckState;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldStatus;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.SaleViolation;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.holds.SalesService;
import org.outagedesk.holds.StoreAcknowledgementRow;
import org.outagedesk.holds.ViolationFilter;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Stop-sales for the incident team: every hold with its status, the acknowledgement progress of the selected one
 * (totals, by region, the stores to chase) and the sales made during a hold. Incident managers place and lift;
 * executives and agents read (violations: incident managers and executives).
 */
@Route("holds")
@PageTitle("Stop-sales")
@Menu(order = 30, icon = "vaadin:ban", title = "Stop-sales")
@RolesAllowed({AppRoles.INCIDENT_MANAGER, AppRoles.EXECUTIVE, AppRoles.AGENT})
class HoldListView extends VerticalLayout {

    private final HoldService holds;
    private final SalesService sales;
    private final Map<Long, Incident> incidents;
    private final Select<HoldStatus> status = new Select<>();
    private final Grid<HoldSummary> grid = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private final boolean manager = CurrentActor.allows(IncidentManagersOnly.RULE);
    private final ObjectProvider<HoldDetailsSection> sections;

    HoldListView(HoldService holds, SalesService sales, CatalogService catalog, IncidentService incidentService,
            ObjectProvider<HoldListAction> actions, ObjectProvider<HoldDetailsSection> sections) {
        this.sections = sections;
        this.holds = holds;
        this.sales = sales;
        this.incidents = incidentService.findAll().stream()
                .collect(Collectors.toMap(Incident::getId, Function.identity()));
        setSizeFull();

        status.setPlaceholder("Any status");
        status.setAriaLabel("Status");
        status.setItems(HoldStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button place = new Button("Place hold", VaadinIcon.BAN.create(), e -> new PlaceHoldDialog(holds, catalog,
                incidentService.findAll(), hold -> {
                    grid.getDataProvider().refreshAll();
                    grid.select(hold);
                    showDetails(hold);
                }).open());
        place.setId("place-hold");
        place.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        place.setVisible(manager);

        grid.setId("holds");
        grid.addColumn(HoldSummary::id).setHeader("#").setSortProperty("id").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(h -> {
            Span s = new Span(Words.of(h.status()));
            s.addClassNames("od-status", h.status().name());
            return s;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HoldSummary::coverage).setHeader("What").setAutoWidth(true);
        grid.addColumn(h -> h.channels().stream().map(SalesChannel::label).collect(Collectors.joining(", ")))
                .setHeader("Channels").setAutoWidth(true);
        grid.addColumn(HoldSummary::scope).setHeader("Where").setAutoWidth(true);
        grid.addColumn(h -> HoldTimes.both(h.effectiveFrom(), zone(h))).setHeader("From")
                .setSortProperty("effectiveFrom").setAutoWidth(true);
        grid.addColumn(h -> Words.number(h.storeCount())).setHeader("Stores").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HoldSummary::reason).setHeader("Reason").setFlexGrow(1)
                .setTooltipGenerator(HoldSummary::reason);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(manager ? "No hold matches. Place one with \"Place hold\", or choose another status."
                : "No hold matches this status.");
        grid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            if (page.getSort().isUnsorted()) {
                page = PageRequest.of(page.getPageNumber(), page.getPageSize(),
                        Sort.by(Sort.Direction.DESC, "placedAt", "id"));
            }
            return holds.find(status.getValue(), null, page).stream();
        }, query -> (int) holds.count(status.getValue(), null)).setIdentifierProvider(HoldSummary::id);
        grid.setWidthFull();
        grid.addClassName("od-fill");
        grid.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));

        details.setPadding(false);
        details.setId("hold-details");
        showDetails(null);
        // one window, no page scroll: the holds on top, the chosen hold's details below in their own pane; the
        // divider moves either way
        VerticalLayout list = new VerticalLayout(new ViewToolbar(null, status, place), grid);
        list.setPadding(false);
        list.setSizeFull();
        Scroller detailsPane =
                new Scroller(details);
        detailsPane.setId("hold-details-pane");
        // a pane that scrolls is reachable with the keyboard (axe: scrollable-region-focusable)
        detailsPane.getElement().setAttribute("tabindex", "0");
        detailsPane.getElement().setAttribute("role", "region");
        detailsPane.getElement().setAttribute("aria-label", "Details of the chosen hold");
        detailsPane.setSizeFull();
        SplitLayout holdsTab = new com.vaadin.flow.component.splitlayout
                .SplitLayout(list, detailsPane, SplitLayout.Orientation.VERTICAL);
        holdsTab.setSplitterPosition(40);
        holdsTab.setSizeFull();

        TabSheet tabs = TabStrip.accessible(new TabSheet());
        tabs.setWidthFull();
        tabs.addClassName("od-fill");
        tabs.add("Holds", holdsTab);
        if (CurrentActor.allows(SalesService.VIOLATION_READERS)) {
            tabs.add("Violations", violations());
        }
        add(new ViewToolbar("Stop-sales", actions.orderedStream()
                .flatMap(a -> a.controls(new HoldListAction.Screen()).stream()).toArray(Component[]::new)), tabs);
    }

    private ZoneId zone(HoldSummary h) {
        Incident i = incidents.get(h.incidentId());
        return i == null ? HoldTimes.viewer() : i.getReferenceZone();
    }

    private void showDetails(@Nullable HoldSummary selected) {
        details.removeAll();
        if (selected == null) {
            details.add(new Paragraph("Select a hold to see which stores acknowledged it and which to chase."));
            return;
        }
        HoldSummary hold = holds.get(selected.id());
        ZoneId zone = zone(hold);
        AcknowledgementProgress progress = holds.progress(hold.id());

        H3 title = new H3("Hold #" + hold.id() + ": " + hold.coverage() + " · " + Words.of(hold.status()));
        title.addClassName("m-0");
        Paragraph when = new Paragraph("From " + HoldTimes.both(hold.effectiveFrom(), zone)
                + (hold.effectiveUntil() == null ? "" : " until " + HoldTimes.both(hold.effectiveUntil(), zone))
                + " · placed by " + hold.placedBy() + " · stores acknowledge by "
                + HoldTimes.both(hold.ackDeadline(), zone)
                + (hold.liftedAt() == null ? "" : " · lifted " + HoldTimes.both(hold.liftedAt(), zone) + " by "
                        + hold.liftedBy() + ": " + hold.liftReason()));
        when.addClassName("od-muted");
        Button lift = new Button("Lift hold", VaadinIcon.UNLOCK.create(), e -> confirmLift(hold));
        lift.setId("lift-hold");
        lift.addThemeVariants(ButtonVariant.LUMO_ERROR);
        lift.setVisible(manager && (hold.status() == HoldStatus.ACTIVE || hold.status() == HoldStatus.SCHEDULED));
        details.add(new HorizontalLayout(title, lift), when);

        if (progress.stores() == 0) {
            details.add(new Paragraph("This hold reaches no store (online only): nobody has to acknowledge it."));
            return;
        }
        ProgressBar bar = new ProgressBar(0, 1, progress.stores() == 0 ? 1 : (double) progress.acknowledged()
                / progress.stores());
        Span numbers = new Span(progress.acknowledged() + " of " + progress.stores() + " stores acknowledged ("
                + progress.percentAcknowledged() + "%) · " + progress.pending() + " pending · ");
        Span overdue = new Span(progress.overdue() + " overdue");
        if (progress.overdue() > 0) {
            overdue.addClassName("od-overdue");
        }
        Div counts = new Div(numbers, overdue);
        counts.setId("ack-progress");

        Grid<AcknowledgementProgress.RegionProgress> byRegion = new Grid<>();
        byRegion.addColumn(AcknowledgementProgress.RegionProgress::region).setHeader("Region").setAutoWidth(true);
        byRegion.addColumn(AcknowledgementProgress.RegionProgress::stores).setHeader("Stores");
        byRegion.addColumn(AcknowledgementProgress.RegionProgress::acknowledged).setHeader("Acknowledged");
        byRegion.addColumn(AcknowledgementProgress.RegionProgress::pending).setHeader("Pending");
        byRegion.addColumn(AcknowledgementProgress.RegionProgress::overdue).setHeader("Overdue");
        byRegion.setItems(progress.byRegion()); // one row per region: a handful
        byRegion.setAllRowsVisible(true);
        byRegion.addThemeVariants(GridVariant.LUMO_COMPACT);
        byRegion.setWidth("40rem");

        Select<AckState> state = new Select<>();
        state.setItems(AckState.values());
        state.setValue(progress.deadlinePassed() ? AckState.OVERDUE : AckState.PENDING);
        state.setAriaLabel("Stores shown");
        Grid<StoreAcknowledgementRow> storeGrid = new Grid<>();
        storeGrid.setId("hold-stores");
        storeGrid.addColumn(StoreAcknowledgementRow::storeCode).setHeader("Store").setSortProperty("code")
                .setAutoWidth(true);
        storeGrid.addColumn(StoreAcknowledgementRow::storeName).setHeader("Name").setSortProperty("name")
                .setAutoWidth(true);
        storeGrid.addColumn(StoreAcknowledgementRow::region).setHeader("Region").setSortProperty("region")
                .setAutoWidth(true);
        storeGrid.addColumn(r -> Words.of(holds.stateOf(hold, r))).setHeader("State").setAutoWidth(true);
        storeGrid.addColumn(r -> r.acknowledged() ? HoldTimes.format(r.acknowledgedAt(), HoldTimes.viewer()) + " by "
                + r.acknowledgedBy() : "").setHeader("Acknowledged")
                .setAutoWidth(true);
        storeGrid.setEmptyStateText("No store in this state.");
        storeGrid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            if (page.getSort().isUnsorted()) {
                page = PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by("region", "code"));
            }
            return holds.stores(hold.id(), state.getValue(), page).stream();
        }, query -> (int) holds.stores(hold.id(), state.getValue(), PageRequest.of(0, 1)).getTotalElements());
        storeGrid.setHeight("20rem");
        storeGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        state.addValueChangeListener(e -> storeGrid.getDataProvider().refreshAll());

        details.add(bar, counts, new H3("By region"), byRegion,
                new ViewToolbar(progress.deadlinePassed() ? "Stores to chase" : "Stores", state), storeGrid);
        // parts of other features (the escalations e-mailed for this hold)
        sections.orderedStream().map(section -> section.create(hold)).flatMap(Optional::stream)
                .forEach(details::add);
    }

    private void confirmLift(HoldSummary hold) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Lift hold #" + hold.id() + "?");
        TextArea reason = new TextArea("Why may it be sold again?");
        reason.setWidthFull();
        reason.setRequired(true);
        reason.setId("lift-reason");
        dialog.add(new Paragraph(hold.coverage() + " becomes sellable at once in " + hold.storeCount() + " stores"
                + (hold.channels().contains(SalesChannel.ONLINE) ? " and online" : "")
                + ", unless another hold still covers it."), reason);
        dialog.setWidth("32rem");
        Button confirm = new Button("Lift hold", e -> {
            try {
                HoldSummary lifted = holds.lift(hold.id(), reason.getValue());
                dialog.close();
                Notifications.success("Hold #" + lifted.id() + " lifted");
                grid.getDataProvider().refreshAll();
                showDetails(lifted);
            } catch (DomainException ex) {
                if ("reason".equals(ex.field())) {
                    reason.setErrorMessage(ex.getMessage());
                    reason.setInvalid(true);
                } else {
                    Notifications.error(ex.getMessage());
                    dialog.close();
                }
            }
        });
        confirm.setId("lift-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private VerticalLayout violations() {
        Select<Incident> incident = new Select<>();
        incident.setItems(incidents.values());
        incident.setItemLabelGenerator(i -> i == null ? "Every incident" : i.getTitle());
        incident.setEmptySelectionAllowed(true);
        incident.setEmptySelectionCaption("Every incident");
        incident.setAriaLabel("Incident");
        Grid<SaleViolation> grid = new Grid<>();
        grid.setId("violations");
        grid.addColumn(v -> HoldTimes.format(v.getSoldAt(), incidents.containsKey(v.getIncidentId())
                ? incidents.get(v.getIncidentId()).getReferenceZone() : HoldTimes.viewer()))
                .setHeader("Sold at (incident zone)").setSortProperty("soldAt").setAutoWidth(true);
        grid.addColumn(SaleViolation::getStoreCode).setHeader("Store").setSortProperty("storeCode")
                .setAutoWidth(true);
        grid.addColumn(SaleViolation::getStoreName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(SaleViolation::getRegion).setHeader("Region").setSortProperty("region").setAutoWidth(true);
        grid.addColumn(SaleViolation::getSkuCode).setHeader("SKU").setSortProperty("skuCode").setAutoWidth(true);
        grid.addColumn(SaleViolation::getQuantity).setHeader("Qty").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> "#" + v.getHoldId() + " " + v.getHoldReason()).setHeader("Hold").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No sale was made during a hold. Sales come from the tills (POST /api/sales) and "
                + "daily sales files.");
        grid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            if (page.getSort().isUnsorted()) {
                page = PageRequest.of(page.getPageNumber(), page.getPageSize(),
                        Sort.by(Sort.Direction.DESC, "soldAt", "id"));
            }
            return sales.violations(filter(incident.getValue()), page).stream();
        }, query -> (int) sales.countViolations(filter(incident.getValue())));
        grid.setWidthFull();
        grid.addClassName("od-fill");
        incident.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        VerticalLayout layout = new VerticalLayout(new ViewToolbar(null, incident), grid);
        layout.setPadding(false);
        layout.setSizeFull();
        return layout;
    }

    private static ViolationFilter filter(@Nullable Incident incident) {
        return new ViolationFilter(incident == null ? null : incident.getId(), null, null, null);
    }
}
