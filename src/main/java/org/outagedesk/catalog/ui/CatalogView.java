package org.outagedesk.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.TabStrip;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Region;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The catalog for incident managers: SKUs, stores and regions, each loaded from CSV with the row-level report shown,
 * a SKU or store added or edited in a dialog, a store closed after a confirmation, and the export links. Other roles
 * have no access (decided: they read the catalog where they need it: the store manager's home, a subscriber's
 * details, the API); the address {@code catalog?tab=stores} opens the stores tab.
 */
@Route("catalog")
@PageTitle("Catalog")
@Menu(order = 85, icon = "vaadin:package", title = "Catalog")
@RolesAllowed(AppRoles.INCIDENT_MANAGER)
class CatalogView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private final CatalogService catalog;
    private final Grid<Sku> skus = new Grid<>();
    private final Grid<Store> stores = new Grid<>();
    private final Grid<Region> regions = new Grid<>();
    private final TextField storeSearch = new TextField();
    private final TabSheet tabs = new TabSheet();

    CatalogView(CatalogService catalog, ObjectProvider<CatalogAction> actions) {
        this.catalog = catalog;
        setSizeFull();
        tabs.setId("catalog-tabs");
        TabStrip.accessible(tabs);
        tabs.setSizeFull();
        tabs.add("SKUs", skusTab());
        tabs.add("Stores", storesTab());
        tabs.add("Regions", regionsTab());
        add(new ViewToolbar("Catalog", actions.orderedStream().flatMap(a -> a.controls(new CatalogAction.Screen()).stream())
                .toArray(Component[]::new)), tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        switch (event.getLocation().getQueryParameters().getSingleParameter("tab").orElse("")) {
            case "stores" -> tabs.setSelectedIndex(1);
            case "regions" -> tabs.setSelectedIndex(2);
            default -> { }
        }
    }

    private Component skusTab() {
        CatalogImportPanel upload = new CatalogImportPanel("SKUs", "skus-import", "code,model,colour,family",
                catalog::importSkus, this::refreshSkus);
        Button add = new Button("New SKU", VaadinIcon.PLUS.create(),
                e -> new SkuDialog(catalog, null, s -> refreshSkus()).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-sku");
        skus.setId("skus");
        skus.addColumn(Sku::getCode).setHeader("Code").setAutoWidth(true).setSortable(true);
        skus.addColumn(Sku::getModel).setHeader("Model").setAutoWidth(true).setSortable(true);
        skus.addColumn(Sku::getColour).setHeader("Colour").setAutoWidth(true).setSortable(true);
        skus.addColumn(Sku::getFamily).setHeader("Family").setAutoWidth(true).setSortable(true);
        skus.addComponentColumn(s -> small(new Button("Edit", e -> new SkuDialog(catalog, s,
                saved -> refreshSkus()).open()))).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        skus.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        skus.setEmptyStateText("No SKU yet: upload a SKU CSV or add one.");
        skus.setSizeFull();
        refreshSkus();
        return tab(upload, add, skus);
    }

    private Component storesTab() {
        CatalogImportPanel upload = new CatalogImportPanel("stores", "stores-import",
                "code,name,region,city,type,email,zone (email, zone and closed may be left out)",
                catalog::importStores, this::refreshStores);
        Button add = new Button("New store", VaadinIcon.PLUS.create(),
                e -> new StoreDialog(catalog, null, s -> refreshStores()).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-store");
        storeSearch.setPlaceholder("Code, name or city");
        storeSearch.setPrefixComponent(VaadinIcon.SEARCH.create());
        storeSearch.setValueChangeMode(ValueChangeMode.LAZY);
        storeSearch.setClearButtonVisible(true);
        storeSearch.setAriaLabel("Search stores");
        storeSearch.setId("store-search");
        storeSearch.addValueChangeListener(e -> refreshStores());
        stores.setId("stores");
        stores.addColumn(Store::getCode).setHeader("Code").setSortProperty("code").setAutoWidth(true);
        stores.addColumn(Store::getName).setHeader("Name").setSortProperty("name").setFlexGrow(1);
        stores.addColumn(Store::getCity).setHeader("City").setSortProperty("city").setAutoWidth(true);
        stores.addColumn(Store::getRegion).setHeader("Region").setSortProperty("region").setAutoWidth(true);
        stores.addColumn(s -> s.getType().label()).setHeader("Type").setSortProperty("type").setAutoWidth(true);
        stores.addColumn(s -> s.getEmail() == null ? "—" : s.getEmail()).setHeader("E-mail").setAutoWidth(true);
        stores.addColumn(s -> s.getZone().getId()).setHeader("Time zone").setAutoWidth(true);
        stores.addComponentColumn(CatalogView::state).setHeader("Status").setSortProperty("closedAt")
                .setAutoWidth(true);
        stores.addComponentColumn(this::storeActions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        stores.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        stores.setEmptyStateText("No store matches. Clear the search, upload a stores CSV or add a store.");
        stores.setSizeFull();
        stores.setItems(query -> catalog.findStores(storeSearch.getValue(), null,
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) catalog.countStores(storeSearch.getValue(), null));
        HorizontalLayout bar = new HorizontalLayout(storeSearch, add);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return tab(upload, bar, stores);
    }

    private Component regionsTab() {
        CatalogImportPanel upload = new CatalogImportPanel("regions", "regions-import",
                "name,zone,escalation_name,escalation_email", catalog::importRegions, this::refreshRegions);
        regions.setId("regions");
        regions.addColumn(Region::getName).setHeader("Region").setAutoWidth(true).setSortable(true);
        regions.addColumn(r -> r.getZone().getId()).setHeader("Time zone").setAutoWidth(true).setSortable(true);
        regions.addColumn(r -> r.getEscalationName() == null ? "none yet" : r.getEscalationName())
                .setHeader("Escalation contact").setAutoWidth(true);
        regions.addColumn(r -> r.getEscalationEmail() == null ? "—" : r.getEscalationEmail())
                .setHeader("Escalation e-mail").setFlexGrow(1);
        regions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        regions.setEmptyStateText("No region yet: upload a regions CSV first (stores name their region).");
        regions.setSizeFull();
        refreshRegions();
        return tab(upload, regions);
    }

    private static VerticalLayout tab(Component... parts) {
        VerticalLayout layout = new VerticalLayout(parts);
        layout.setSizeFull();
        layout.setPadding(false);
        return layout;
    }

    private static Span state(Store s) {
        Span badge = new Span(s.isClosed() ? "Closed since " + DATE.format(s.getClosedAt().atZone(s.getZone()))
                : "Open");
        badge.getElement().getThemeList().add(s.isClosed() ? "badge contrast" : "badge success");
        return badge;
    }

    private HorizontalLayout storeActions(Store store) {
        Button edit = small(new Button("Edit", e -> new StoreDialog(catalog, store, s -> refreshStores()).open()));
        HorizontalLayout actions = new HorizontalLayout(edit);
        if (!store.isClosed()) {
            Button close = small(new Button("Close", e -> confirmClose(store)));
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            close.getElement().setAttribute("data-store", store.getCode());
            actions.add(close);
        }
        return actions;
    }

    private void confirmClose(Store store) {
        ConfirmDialog confirm = new ConfirmDialog("Close " + store.getCode() + "?", store.getName() + " ("
                + store.getCity() + ") keeps its history, but no hold placed from now on will reach it, and its"
                + " tills will be told it is closed for every SKU. A closed store is not reopened.", "Close store",
                e -> {
                    try {
                        catalog.closeStore(store.getCode());
                        Notifications.success("Store " + store.getCode() + " is closed");
                        refreshStores();
                    } catch (DomainException ex) {
                        Notifications.error(ex.getMessage());
                    }
                });
        confirm.setId("close-store-confirm");
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private static Button small(Button b) {
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private void refreshSkus() {
        skus.setItems(catalog.skus());
    }

    private void refreshStores() {
        stores.getDataProvider().refreshAll();
    }

    private void refreshRegions() {
        regions.setItems(catalog.regionList());
    }
}
