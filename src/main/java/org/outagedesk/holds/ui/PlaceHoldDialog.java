package org.outagedesk.holds.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.ui.FieldErrors;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.NewHold;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.incident.Incident;

/**
 * Places a hold. Times are entered in the chosen incident's reference zone (named on the fields). Problems show
 * next to the field at fault and the dialog keeps what was typed.
 */
class PlaceHoldDialog extends Dialog {

    static final String FAMILY = "A whole family (also SKUs added to it later)";
    static final String LIST = "Listed SKUs";

    private final ComboBox<Incident> incident = new ComboBox<>("Incident");
    private final RadioButtonGroup<String> what = new RadioButtonGroup<>("What may not be sold");
    private final ComboBox<String> family = new ComboBox<>("Family");
    private final MultiSelectComboBox<Sku> skus = new MultiSelectComboBox<>("SKUs");
    private final CheckboxGroup<SalesChannel> channels = new CheckboxGroup<>("Channels");
    private final MultiSelectComboBox<String> regions = new MultiSelectComboBox<>("Only in regions");
    private final MultiSelectComboBox<Store> stores = new MultiSelectComboBox<>("Only in stores");
    private final DateTimePicker from = new DateTimePicker("Effective from");
    private final DateTimePicker until = new DateTimePicker("Until (optional)");
    private final IntegerField ackHours = new IntegerField("Stores acknowledge within (hours)");
    private final TextArea reason = new TextArea("Reason (stores see it)");

    PlaceHoldDialog(HoldService holds, CatalogService catalog, List<Incident> incidents,
            Consumer<HoldSummary> placed) {
        setHeaderTitle("Place a stop-sale");
        setWidth("44rem");

        incident.setId("hold-incident");
        what.setId("hold-what");
        family.setId("hold-family");
        skus.setId("hold-skus");
        channels.setId("hold-channels");
        until.setId("hold-until");
        ackHours.setId("hold-ack-hours");
        reason.setId("hold-reason");
        incident.setItems(incidents);
        incident.setItemLabelGenerator(Incident::getTitle);
        incident.setRequired(true);
        incident.addValueChangeListener(e -> zoneLabels());
        if (!incidents.isEmpty()) {
            incident.setValue(incidents.getFirst());
        }
        what.setItems(FAMILY, LIST);
        what.setValue(FAMILY);
        what.addValueChangeListener(e -> {
            family.setVisible(FAMILY.equals(e.getValue()));
            skus.setVisible(LIST.equals(e.getValue()));
        });
        family.setItems(catalog.families());
        skus.setItems(catalog.skus());
        skus.setItemLabelGenerator(s -> s.getCode() + " · " + s.getModel() + " " + s.getColour());
        skus.setVisible(false);
        channels.setItems(SalesChannel.values());
        channels.setItemLabelGenerator(SalesChannel::label);
        channels.setRequired(true);
        regions.setItems(catalog.regions());
        regions.setHelperText("Empty: every region");
        stores.setItems(query -> catalog.findStores(query.getFilter().orElse(null), null,
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        stores.setItemLabelGenerator(s -> s.getCode() + " · " + s.getName());
        stores.setHelperText("Empty: every store of the channels (in the regions chosen)");
        from.setHelperText("Empty: now. May be in the future (the hold is scheduled until then)");
        ackHours.setValue(NewHold.DEFAULT_ACK_DEADLINE_HOURS);
        ackHours.setMin(1);
        ackHours.setStepButtonsVisible(true);
        reason.setRequired(true);
        reason.setMaxLength(1000);
        zoneLabels();

        FormLayout form = new FormLayout(incident, what, family, skus, channels, regions, stores, from, until,
                ackHours, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        for (var full : new Component[] {incident, what, family, skus, channels, reason}) {
            form.setColspan(full, 2);
        }
        add(form);

        Button place = new Button("Place hold", e -> submit(holds, placed));
        place.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        place.setId("place-hold-submit");
        getFooter().add(new Button("Cancel", e -> close()), place);
    }

    private ZoneId zone() {
        return incident.getValue() == null ? HoldTimes.viewer() : incident.getValue().getReferenceZone();
    }

    private void zoneLabels() {
        from.setLabel("Effective from (" + ShownTime.zoneLongName(zone()) + ")");
        until.setLabel("Until, optional (" + ShownTime.zoneLongName(zone()) + ")");
    }

    private @Nullable Instant instant(@Nullable LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    private void submit(HoldService holds, Consumer<HoldSummary> placed) {
        boolean byFamily = FAMILY.equals(what.getValue());
        // every mistake at once, in the order of the form; the service's own checks follow when these pass
        FieldErrors errors = FieldErrors.clearing(incident, family, skus, channels, regions, stores, from, until,
                ackHours, reason)
                .check(incident.getValue() == null, incident, "Link the hold to an incident")
                .check(byFamily && (family.getValue() == null || family.getValue().isBlank()), family,
                        "Choose the family that may not be sold")
                .check(!byFamily && skus.getValue().isEmpty(), skus, "Choose at least one SKU")
                .check(channels.getValue().isEmpty(), channels, "Choose at least one channel")
                .check(from.getValue() != null && until.getValue() != null
                        && !until.getValue().isAfter(from.getValue()), until, "The hold must end after it starts")
                .check(ackHours.getValue() == null || ackHours.getValue() < 1, ackHours,
                        "Give stores at least 1 hour to acknowledge")
                .check(reason.getValue().isBlank(), reason, "Say why: stores read it");
        if (!errors.isEmpty()) {
            errors.show();
            return;
        }
        NewHold request = new NewHold(incident.getValue() == null ? null : incident.getValue().getId(),
                byFamily ? null : skus.getValue().stream().map(Sku::getCode).toList(),
                byFamily ? family.getValue() : null, List.copyOf(channels.getValue()), List.copyOf(regions.getValue()),
                stores.getValue().stream().map(Store::getCode).toList(), instant(from.getValue()),
                instant(until.getValue()), ackHours.getValue(), reason.getValue());
        try {
            HoldSummary hold = holds.place(request);
            close();
            Notifications.success("Hold #" + hold.id() + " placed (" + Words.of(hold.status()).toLowerCase(Locale.ROOT)
                    + "): " + hold.coverage() + " in " + Words.count(hold.storeCount(), "store")
                    + (hold.channels().contains(SalesChannel.ONLINE) ? " and online" : "")
                    + (hold.closedStoresSkipped() == 0 ? "" : "; "
                            + Words.count(hold.closedStoresSkipped(), "closed store") + " skipped"));
            placed.accept(hold);
        } catch (DomainException e) {
            HasValidation target = field(e.field(), byFamily);
            if (target == null) {
                Notifications.error(e.getMessage());
            } else {
                errors.add(target, e.getMessage()).show();
            }
        } catch (NotFoundException e) {
            Notifications.error(e.getMessage());
        }
    }

    private @Nullable HasValidation field(@Nullable String name, boolean byFamily) {
        if (name == null) {
            return null;
        }
        return Map.<String, HasValidation>of("incidentId", incident, "skus", byFamily ? family : skus, "family",
                family, "channels", channels, "regions", regions, "stores", stores, "effectiveFrom", from,
                "effectiveUntil", until, "ackDeadlineHours", ackHours, "reason", reason).get(name);
    }
}
