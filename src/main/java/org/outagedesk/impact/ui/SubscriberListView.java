package org.outagedesk.impact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactCounts;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactRow;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.util.unit.DataSize;

/**
 * The support agent's home: every affected subscriber of an incident, found while the customer is on the phone.
 * The grid loads a page at a time, filtered and sorted in the database; the counts per status above it are filters.
 */
@Route("subscribers")
@PageTitle("Affected subscribers")
@Menu(order = 20, icon = "vaadin:phone", title = "Subscribers")
@RolesAllowed({AppRoles.AGENT, AppRoles.INCIDENT_MANAGER, AppRoles.EXECUTIVE})
@StyleSheet("styles/impact.css")
class SubscriberListView extends VerticalLayout implements BeforeEnterObserver {

    private static final NumberFormat NUMBER = NumberFormat.getIntegerInstance(Locale.US);

    private final ImpactService impacts;
    private final IncidentService incidents;
    private final ComboBox<Incident> incident = new ComboBox<>();
    private final TextField search = new TextField();
    private final MultiSelectComboBox<DataLossStatus> statuses = new MultiSelectComboBox<>();
    private final ComboBox<DataCategory> category = new ComboBox<>();
    private final ComboBox<Sku> sku = new ComboBox<>();
    private final ComboBox<String> region = new ComboBox<>();
    private final ComboBox<Store> store = new ComboBox<>();
    private final Select<String> contacted = new Select<>();
    private final Div chips = new Div();
    private final Grid<ImpactRow> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final Button bulk = new Button("Change status…", VaadinIcon.EDIT.create());
    private final Button clearFilters = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create());
    private final ZoneId zone = ShownTime.viewerZone();
    private @Nullable ImpactRow focused;
    /** Bulk changes are for incident managers; agents change one subscriber at a time, on its page. */
    private final boolean mayChange = CurrentActor.allows(IncidentManagersOnly.RULE);
    private final long typeAbove;
    private final @Nullable ImportPanel importPanel;
    private final Function<String, Optional<Store>> catalogStore;

    SubscriberListView(ImpactService impacts, IncidentService incidents, CatalogService catalog,
            @Value("${outagedesk.import.max-file-size:200MB}") DataSize maxFileSize,
            ObjectProvider<SubscriberListAction> actions,
            @Value("${outagedesk.impact.bulk-typed-confirmation-above:1000}") long typeAbove) {
        this.typeAbove = typeAbove;
        this.impacts = impacts;
        this.catalogStore = catalog::findStore;
        setSizeFull();

        this.incidents = incidents;
        incident.setItemLabelGenerator(Incident::getTitle);
        incident.setAriaLabel("Incident");
        incident.setWidth("22rem");
        loadIncidents();

        search.setId("subscriber-search");
        search.setPlaceholder("MSISDN, account or name");
        search.setAriaLabel("Search by MSISDN, account or name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18rem");
        // Enter opens the subscriber when the search finds exactly one (the number read out on the phone)
        search.getElement().addEventListener("keydown", e -> enterInSearch(e.getEventData().get("element.value").asString()))
                .addEventData("element.value").setFilter("event.key === 'Enter'");

        statuses.setId("status-filter");
        statuses.setPlaceholder("Status");
        statuses.setAriaLabel("Status");
        statuses.setItems(DataLossStatus.values());
        statuses.setItemLabelGenerator(DataLossStatus::label);
        category.setPlaceholder("Data category");
        category.setAriaLabel("Data category");
        category.setItems(DataCategory.values());
        category.setItemLabelGenerator(DataCategory::label);
        sku.setPlaceholder("Device SKU");
        sku.setAriaLabel("Device SKU");
        sku.setItems(catalog.skus());
        sku.setItemLabelGenerator(s -> s.getModel() + " " + s.getColour() + " (" + s.getCode() + ")");
        region.setId("region-filter");
        region.setPlaceholder("Region");
        region.setAriaLabel("Region");
        region.setItems(catalog.regions());
        store.setPlaceholder("Home store");
        store.setAriaLabel("Home store");
        store.setItemLabelGenerator(s -> s.getCode() + " · " + s.getName());
        // a few thousand stores: the combo box asks the database page by page, filtered by what is typed
        store.setItems(q -> catalog.findStores(q.getFilter().orElse(null), null,
                PageRequest.of(q.getPage(), q.getPageSize(), Sort.by("code"))).stream());
        contacted.setAriaLabel("Contacted");
        contacted.setItems("Contacted or not", "Contacted", "Never contacted");
        contacted.setValue("Contacted or not");
        // no clear buttons: with one, Escape empties the field silently and a bulk change then reaches more
        // subscribers than the user chose. "Clear filters" empties them on purpose.
        clearFilters.setId("clear-filters");
        clearFilters.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clearFilters.addClickListener(e -> {
            search.clear();
            statuses.clear();
            category.clear();
            sku.clear();
            region.clear();
            store.clear();
            contacted.setValue("Contacted or not");
        });

        incident.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        statuses.addValueChangeListener(e -> refresh());
        category.addValueChangeListener(e -> refresh());
        sku.addValueChangeListener(e -> refresh());
        region.addValueChangeListener(e -> refresh());
        store.addValueChangeListener(e -> refresh());
        contacted.addValueChangeListener(e -> refresh());

        chips.addClassName("od-count-chips");
        chips.setId("status-counts");

        grid.setId("subscriber-grid");
        grid.addColumn(ImpactRow::msisdn).setHeader("MSISDN").setSortProperty("msisdn").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ImpactRow::name).setHeader("Name").setSortProperty("name").setAutoWidth(true);
        grid.addColumn(ImpactRow::account).setHeader("Account").setSortProperty("account").setAutoWidth(true);
        grid.addComponentColumn(r -> ImpactUi.badge(r.status())).setHeader("Data-loss status")
                .setSortProperty("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> ImpactUi.categories(r.categories())).setHeader("Data concerned").setFlexGrow(1)
                .setTooltipGenerator(r -> ImpactUi.categories(r.categories()));
        grid.addColumn(ImpactRow::sku).setHeader("SKU").setSortProperty("sku").setAutoWidth(true);
        grid.addColumn(ImpactRow::store).setHeader("Store").setSortProperty("store").setAutoWidth(true);
        grid.addColumn(ImpactRow::region).setHeader("Region").setSortProperty("region").setAutoWidth(true);
        grid.addColumn(r -> ImpactUi.when(r.lastContactedAt(), zone)).setHeader("Last contacted")
                .setSortProperty("lastContactedAt").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setWidthFull();
        grid.addClassName("od-fill"); // the grid takes the window's height below the filters: one scroll
        grid.setItems(query -> {
            Incident current = incident.getValue();
            if (current == null) {
                return Stream.empty();
            }
            return impacts.find(current.getId(), filter(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                    .stream();
        }, query -> incident.getValue() == null ? 0 : (int) impacts.count(incident.getValue().getId(), filter()));
        grid.addItemClickListener(e -> openDetails(e.getItem()));
        // Enter on a focused row opens it, as a click does
        grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
        grid.getElement().addEventListener("keydown", e -> {
            if (focused != null) {
                openDetails(focused);
            }
        }).setFilter("event.key === 'Enter'");
        grid.setEmptyStateComponent(empty);
        empty.setId("subscriber-empty");

        bulk.setId("bulk-change");
        bulk.setVisible(mayChange);
        bulk.addClickListener(e -> {
            if (incident.getValue() != null) {
                new BulkStatusDialog(impacts, incident.getValue().getId(), filter(), typeAbove, this::refresh).open();
            }
        });

        importPanel = mayChange
                ? new ImportPanel(impacts, () -> incident.getValue() == null ? null : incident.getValue().getId(),
                        maxFileSize, this::refresh)
                : null;
        Button importButton = new Button("Import CSV…", VaadinIcon.UPLOAD.create());
        importButton.setId("import-open");
        importButton.setVisible(importPanel != null);

        HorizontalLayout filters = new HorizontalLayout(statuses, category, sku, region, store, contacted, clearFilters);
        filters.addClassNames("flex-wrap", "gap-s");
        filters.setWidthFull();
        List<Component> tools = new ArrayList<>(List.of(incident, search, bulk, importButton));
        SubscriberListAction.Screen screen = new SubscriberListAction.Screen(
                () -> incident.getValue() == null ? null : incident.getValue().getId(), this::filter);
        actions.orderedStream().forEach(a -> tools.addAll(a.controls(screen)));
        add(new ViewToolbar("Affected subscribers", tools.toArray(Component[]::new)));
        if (importPanel != null) {
            importPanel.setVisible(false);
            importButton.addClickListener(e -> importPanel.setVisible(!importPanel.isVisible()));
            add(importPanel);
        }
        add(chips, filters, grid);
        refreshCounts();
    }

    /** Open incidents first; the one shown stays selected, the first is the default. */
    private void loadIncidents() {
        Long selected = incident.getValue() == null ? null : incident.getValue().getId();
        List<Incident> all = incidents.findAll();
        incident.setItems(all);
        all.stream().filter(i -> i.getId().equals(selected)).findFirst()
                .or(() -> all.stream().findFirst()).ifPresent(incident::setValue);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        loadIncidents(); // an incident opened since this screen was built shows up when the user comes back
        QueryParameters params = event.getLocation().getQueryParameters();
        params.getSingleParameter("incident").ifPresent(id -> incident.getListDataView().getItems()
                .filter(i -> String.valueOf(i.getId()).equals(id)).findFirst().ifPresent(incident::setValue));
        params.getSingleParameter("q").ifPresent(search::setValue);
        params.getSingleParameter("category").ifPresent(c -> Arrays.stream(DataCategory.values())
                .filter(x -> x.name().equals(c)).findFirst().ifPresent(category::setValue));
        params.getSingleParameter("sku").ifPresent(c -> sku.getListDataView().getItems()
                .filter(x -> x.getCode().equals(c)).findFirst().ifPresent(sku::setValue));
        params.getSingleParameter("store").flatMap(catalogStore::apply).ifPresent(store::setValue);
        params.getSingleParameter("contacted").filter(c -> c.equals("Contacted") || c.equals("Never contacted"))
                .ifPresent(contacted::setValue);
        params.getSingleParameter("region").ifPresent(wanted -> region.getListDataView().getItems()
                .filter(wanted::equals).findFirst().ifPresent(region::setValue));
        // "status=LOST" or "status=LOST,DEVICE_ONLY": the dashboard's cards land here filtered
        params.getSingleParameter("status").ifPresent(text -> {
            Set<DataLossStatus> wanted = EnumSet.noneOf(DataLossStatus.class);
            for (String part : text.split(",")) {
                DataLossStatus parsed = DataLossStatus.parseOrNull(part);
                if (parsed != null) {
                    wanted.add(parsed);
                }
            }
            if (!wanted.isEmpty()) {
                statuses.setValue(wanted);
            }
        });
        if (importPanel != null && incident.getValue() != null) {
            // collapsed until asked for ("Import CSV…"), so the grid keeps the height; the panel shows the
            // progress of an import started earlier when opened
            importPanel.showLatest();
        }
    }

    ImpactFilter filter() {
        Set<DataLossStatus> selected = statuses.getValue().isEmpty() ? null : EnumSet.copyOf(statuses.getValue());
        Boolean wasContacted = switch (contacted.getValue() == null ? "" : contacted.getValue()) {
            case "Contacted" -> Boolean.TRUE;
            case "Never contacted" -> Boolean.FALSE;
            default -> null;
        };
        return new ImpactFilter(selected, category.getValue(), sku.getValue() == null ? null : sku.getValue().getCode(),
                region.getValue(), store.getValue() == null ? null : store.getValue().getCode(), wasContacted,
                search.getValue().isBlank() ? null : search.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        refreshCounts();
    }

    private void refreshCounts() {
        chips.removeAll();
        Incident current = incident.getValue();
        if (current == null) {
            empty.setText("There is no incident yet. An incident manager opens one on the Incident screen.");
            return;
        }
        // counts under every filter but the status, so that each chip says what clicking it would show
        ImpactCounts counts = impacts.counts(current.getId(), filter().withStatuses(null));
        Button allChip = new Button("All " + NUMBER.format(counts.total()), e -> statuses.clear());
        allChip.getElement().setAttribute("aria-pressed", String.valueOf(statuses.getValue().isEmpty()));
        allChip.addThemeVariants(ButtonVariant.LUMO_SMALL);
        chips.add(allChip);
        for (Map.Entry<DataLossStatus, Long> entry : counts.byStatus().entrySet()) {
            DataLossStatus status = entry.getKey();
            boolean on = statuses.getValue().contains(status);
            Span label = ImpactUi.badge(status);
            Button chip = new Button(NUMBER.format(entry.getValue()), label, e -> toggle(status));
            chip.setId("count-" + status.name());
            chip.getElement().setAttribute("aria-pressed", String.valueOf(on));
            chip.getElement().setAttribute("title", on ? "Showing " + status.label() + "; click to stop filtering"
                    : "Show only " + status.label());
            chip.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (on) {
                chip.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            chips.add(chip);
        }
        boolean noneAtAll = counts.total() == 0 && filter().withStatuses(null).equals(ImpactFilter.all());
        empty.setText(noneAtAll
                ? "No affected subscribers have been imported for this incident yet. An incident manager imports"
                        + " them from a CSV file (Import CSV…)."
                : "No subscriber matches these filters. Clear a filter or search for part of the number.");
        bulk.setEnabled(mayChange && counts.total() > 0);
    }

    private void toggle(DataLossStatus status) {
        Set<DataLossStatus> now = EnumSet.noneOf(DataLossStatus.class);
        now.addAll(statuses.getValue());
        if (!now.remove(status)) {
            now.add(status);
        }
        statuses.setValue(now);
    }

    /** Enter in the search box: the single match opens; more or none leave the list as it is, filtered. */
    void enterInSearch(@Nullable String text) {
        if (text != null && !text.equals(search.getValue())) {
            search.setValue(text);
        }
        Incident current = incident.getValue();
        if (current == null || search.getValue().isBlank()) {
            return;
        }
        List<ImpactRow> found = impacts.find(current.getId(), filter(), PageRequest.of(0, 2)).getContent();
        if (found.size() == 1) {
            openDetails(found.getFirst());
        }
    }

    /** The filters as query parameters: the detail's way back lands on the list as it was. */
    QueryParameters listQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        if (incident.getValue() != null) {
            q.put("incident", String.valueOf(incident.getValue().getId()));
        }
        if (!search.getValue().isBlank()) {
            q.put("q", search.getValue());
        }
        if (!statuses.getValue().isEmpty()) {
            q.put("status", String.join(",", statuses.getValue().stream().sorted().map(Enum::name).toList()));
        }
        if (category.getValue() != null) {
            q.put("category", category.getValue().name());
        }
        if (sku.getValue() != null) {
            q.put("sku", sku.getValue().getCode());
        }
        if (region.getValue() != null) {
            q.put("region", region.getValue());
        }
        if (store.getValue() != null) {
            q.put("store", store.getValue().getCode());
        }
        if (!"Contacted or not".equals(contacted.getValue())) {
            q.put("contacted", contacted.getValue());
        }
        return QueryParameters.simple(q);
    }

    private void openDetails(ImpactRow row) {
        getUI().ifPresent(ui -> ui.navigate(SubscriberDetailsView.class,
                new RouteParameters("msisdn", row.msisdn()), listQuery()));
    }
}
