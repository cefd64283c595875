package org.outagedesk.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditEntry;
import org.outagedesk.audit.AuditFilter;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.base.ui.Words;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Who changed what, newest first, filtered by person, action, kind of record, text and dates. */
@Route("audit")
@PageTitle("Audit trail")
@Menu(order = 90, icon = "vaadin:records", title = "Audit trail")
@RolesAllowed(AppRoles.INCIDENT_MANAGER)
class AuditListView extends VerticalLayout {

    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final ComboBox<String> entityType = new ComboBox<>();
    private final TextField text = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final ZoneId zone = ShownTime.viewerZone();

    AuditListView(AuditService audit) {
        setSizeFull();
        actor.setPlaceholder("User");
        actor.setAriaLabel("User");
        text.setPlaceholder("Text in summary");
        text.setAriaLabel("Text in summary");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        for (TextField f : new TextField[] {actor, text}) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        action.setPlaceholder("Action");
        action.setAriaLabel("Action");
        action.setItems(audit.actions());
        action.setItemLabelGenerator(Words::plain);
        entityType.setPlaceholder("Record type");
        entityType.setAriaLabel("Record type");
        entityType.setItems(audit.entityTypes());
        from.setPlaceholder("From");
        from.setAriaLabel("From date");
        to.setPlaceholder("To");
        to.setAriaLabel("To date");
        action.setClearButtonVisible(true);
        entityType.setClearButtonVisible(true);
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        entityType.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.addColumn(e -> ShownTime.at(e.getOccurredAt(), zone)).setHeader("When")
                .setSortProperty("occurredAt").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::getActor).setHeader("User").setSortProperty("actor").setAutoWidth(true);
        grid.addColumn(e -> Words.plain(e.getAction())).setHeader("Action").setSortProperty("action")
                .setAutoWidth(true);
        grid.addColumn(e -> e.getEntityType() + (e.getEntityId() == null ? "" : " " + e.getEntityId()))
                .setHeader("Record").setSortProperty("entityType").setAutoWidth(true);
        grid.addColumn(AuditEntry::getSummary).setHeader("Summary").setFlexGrow(1)
                .setTooltipGenerator(AuditEntry::getSummary);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("Nothing recorded matches these filters. Clear a filter to see more.");
        grid.setSizeFull();
        grid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            if (page.getSort().isUnsorted()) {
                page = PageRequest.of(page.getPageNumber(), page.getPageSize(),
                        Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
            }
            return audit.find(filter(), page).stream();
        }, query -> (int) audit.count(filter()));

        add(new ViewToolbar("Audit trail", actor, action, entityType, text, from, to), grid);
    }

    private AuditFilter filter() {
        return new AuditFilter(blankToNull(actor.getValue()), action.getValue(), entityType.getValue(), null,
                blankToNull(text.getValue()), startOf(from.getValue()),
                to.getValue() == null ? null : startOf(to.getValue().plusDays(1)));
    }

    private @Nullable Instant startOf(@Nullable LocalDate date) {
        return date == null ? null : date.atStartOfDay(zone).toInstant();
    }

    private static @Nullable String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
