package org.outagedesk.holds.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.UserIdentity;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.SaleStatus;
import org.outagedesk.holds.SaleStatusService;
import org.outagedesk.holds.StoreHold;
import org.outagedesk.incident.IncidentBulletin;
import org.outagedesk.incident.Notice;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The store manager's home: may my store sell this SKU right now (a large SELLABLE / ON HOLD badge per SKU), and
 * the stop-sales awaiting my acknowledgement. The store is the signed-in manager's own, never chosen on screen.
 */
@Route("my-store")
@PageTitle("My store")
@Menu(order = 30, icon = "vaadin:shop", title = "My store")
@RolesAllowed(AppRoles.STORE_MANAGER)
class MyStoreView extends VerticalLayout {

    private final HoldService holds;
    private final SaleStatusService saleStatus;
    private final String storeCode;
    private final Map<String, Sku> skus;
    private final Div holdList = new Div();
    private final Div guidance = new Div();
    private final Grid<SaleStatus> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Checkbox onlyHeld = new Checkbox("Only SKUs on hold");
    private List<SaleStatus> statuses = List.of();
    /** The store's zone: every time on this screen is the store's local time, named. */
    private final ZoneId zone;

    MyStoreView(AuthenticationContext authentication, CatalogService catalog, HoldService holds,
            SaleStatusService saleStatus, TimelineService timeline, ObjectProvider<MyStoreAction> actions) {
        this.holds = holds;
        this.saleStatus = saleStatus;
        this.storeCode = authentication.getAuthenticatedUser(UserIdentity.class).map(UserIdentity::storeCode)
                .orElseThrow(() -> new IllegalStateException("A store manager without a store"));
        this.skus = catalog.skus().stream().collect(Collectors.toMap(Sku::getCode, Function.identity()));
        setWidthFull();

        Store store = catalog.getStore(storeCode);
        this.zone = store.getZone(); // the store's own zone (catalog), named on every time below
        H3 name = new H3(store.getName());
        name.setId("store-name");
        name.addClassName("m-0");
        add(name, new Paragraph(store.getCode() + " · " + store.getType().label() + " · " + store.getCity() + " · "
                + store.getRegion() + " · times in " + ShownTime.zoneLongName(zone)));

        H3 holdsTitle = new H3("Stop-sales for my store");
        holdList.setId("store-holds");
        holdList.addClassNames("flex", "flex-col", "gap-s");
        holdList.setWidthFull();
        add(holdsTitle, holdList);

        search.setPlaceholder("SKU, model or colour");
        search.setAriaLabel("Search SKUs");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> filter());
        onlyHeld.addValueChangeListener(e -> filter());
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("refresh-status");

        grid.setId("sale-status");
        grid.addComponentColumn(MyStoreView::badge).setHeader("Can I sell it?").setAutoWidth(true).setFlexGrow(0);
        // model and colour in one column that wraps: a phone-width screen shows them without sideways scrolling
        grid.addColumn(s -> sku(s).map(k -> k.getModel() + ", " + k.getColour()).orElse("") + " (" + s.sku() + ")")
                .setHeader("Phone").setFlexGrow(1);
        grid.addColumn(MyStoreView::whyNot).setHeader("Why not").setFlexGrow(1).setTooltipGenerator(MyStoreView::whyNot);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No SKU matches this search. Clear the search to see every SKU.");
        List<Component> tools = new ArrayList<>(List.of(search, onlyHeld, refresh));
        actions.orderedStream().forEach(a -> tools.addAll(a.controls(new MyStoreAction.Screen())));
        add(new ViewToolbar("Can my store sell it now?", tools.toArray(Component[]::new)), grid);

        guidance.setId("retail-guidance");
        guidance.addClassNames("flex", "flex-col", "gap-s");
        guidance.setWidthFull();
        add(new H3("What to tell customers"), guidance);
        showGuidance(timeline.retailGuidance());
        refresh();
    }

    private static String whyNot(SaleStatus s) {
        return s.holds().stream().map(h -> "#" + h.id() + " " + h.reason()).collect(Collectors.joining("; "));
    }

    /**
     * Everything a store may tell customers about every open incident, newest first: the public updates, the
     * customer notices and the instructions to stores, so the newest fact a clerk reads is the newest one there
     * is. Pinned instructions are marked. Plain text, shown as text; times in the store's zone.
     */
    private void showGuidance(List<IncidentBulletin> bulletins) {
        if (bulletins.isEmpty()) {
            guidance.add(new Paragraph("No open incident has instructions for stores."));
            return;
        }
        for (IncidentBulletin bulletin : bulletins) {
            H4 title = new H4(bulletin.title());
            title.addClassName("m-0");
            guidance.add(title);
            List<Notice> shown = new ArrayList<>(bulletin.guidance());
            shown.addAll(bulletin.updates());
            shown.sort(Comparator.comparing(Notice::occurredAt).reversed());
            for (Notice notice : shown) {
                Span date = new Span(ShownTime.at(notice.occurredAt(), zone) + " · " + Words.of(notice.type())
                        + (notice.pinned() ? " · standing instruction" : ""));
                date.addClassNames("text-s", "text-secondary");
                Paragraph text = new Paragraph(notice.text());
                text.addClassNames("m-0", "od-guidance-text");
                Div item = new Div(date, text);
                item.addClassName(notice.pinned() ? "od-warning-banner" : "od-guidance");
                guidance.add(item);
            }
        }
    }

    private Optional<Sku> sku(SaleStatus status) {
        return Optional.ofNullable(skus.get(status.sku()));
    }

    private void refresh() {
        statuses = saleStatus.statusOfStore(storeCode);
        filter();
        showHolds(holds.holdsOfMyStore());
    }

    private void filter() {
        String text = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        // held SKUs first: they are what the shop floor must not miss
        grid.setItems(statuses.stream().sorted(Comparator.comparing(SaleStatus::sellable))
                .filter(s -> !onlyHeld.getValue() || !s.sellable()).filter(s -> text.isEmpty()
                || (s.sku() + " " + sku(s).map(k -> k.getModel() + " " + k.getColour()).orElse(""))
                .toLowerCase(Locale.ROOT).contains(text)).toList());
    }

    private void showHolds(List<StoreHold> current) {
        holdList.removeAll();
        if (current.isEmpty()) {
            holdList.add(new Paragraph("No stop-sale applies to your store: every SKU below may be sold. "
                    + "New stop-sales appear here for you to acknowledge."));
            return;
        }
        long waiting = current.stream().filter(h -> !h.acknowledged()).count();
        Paragraph summary = new Paragraph(waiting == 0 ? "You have acknowledged every stop-sale for your store."
                : (waiting == 1 ? "1 stop-sale awaits" : Words.number(waiting) + " stop-sales await")
                        + " your acknowledgement.");
        summary.setId("holds-summary");
        holdList.add(summary);
        current.stream().sorted((a, b) -> Boolean.compare(a.acknowledged(), b.acknowledged()))
                .forEach(h -> holdList.add(card(h)));
    }

    private Component card(StoreHold storeHold) {
        var hold = storeHold.hold();
        Div card = new Div();
        card.addClassName("od-hold-card");
        card.setId("hold-" + hold.id());
        Div text = new Div();
        text.addClassName("od-hold-text");
        Span what = new Span(hold.coverage() + " may not be sold");
        what.addClassName("od-status");
        text.add(what, new Paragraph(hold.reason()));
        text.add(muted("Hold #" + hold.id() + " · " + Words.of(hold.status()).toLowerCase(Locale.ROOT) + " since "
                + HoldTimes.format(hold.effectiveFrom(), zone)));
        card.add(text);
        if (storeHold.acknowledged()) {
            card.addClassName("acknowledged");
            Span done = new Span("Acknowledged " + HoldTimes.format(storeHold.acknowledgedAt(), zone)
                    + " by " + storeHold.acknowledgedBy());
            done.addClassName("ack-done");
            card.add(done);
        } else {
            Span deadline = new Span((storeHold.overdue() ? "OVERDUE: was due " : "Acknowledge by ")
                    + HoldTimes.format(hold.ackDeadline(), zone));
            if (storeHold.overdue()) {
                deadline.addClassName("od-overdue");
            }
            Button acknowledge = new Button("Acknowledge", VaadinIcon.CHECK.create(), e -> acknowledge(hold.id()));
            acknowledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            acknowledge.setId("acknowledge-" + hold.id());
            card.add(deadline, acknowledge);
        }
        return card;
    }

    private void acknowledge(long holdId) {
        try {
            holds.acknowledge(holdId);
            Notifications.success("Acknowledged: your store will not sell what hold #" + holdId + " covers");
        } catch (DomainException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private static Span muted(String text) {
        Span s = new Span(text);
        s.addClassName("od-muted");
        return s;
    }

    private static Span badge(SaleStatus status) {
        Span badge = new Span(status.sellable() ? "SELLABLE"
                : SaleStatus.STORE_CLOSED.equals(status.reason()) ? "STORE CLOSED" : "ON HOLD");
        badge.addClassNames("od-sale-badge", status.sellable() ? "sellable" : "on-hold");
        badge.getElement().setAttribute("data-sku", status.sku());
        return badge;
    }
}
