package org.outagedesk.incident.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A time entered in a zone the person picks and sees: the incident's reference zone or their own. */
class ZonedTimeField extends Composite<HorizontalLayout> {

    private final DateTimePicker local = new DateTimePicker();
    private final Select<ZoneId> zone = new Select<>();

    ZonedTimeField(String label, ZoneId reference, ZoneId viewer, Instant initial) {
        local.setLabel(label);
        local.setStep(Duration.ofMinutes(1));
        zone.setLabel("Time zone");
        zone.setItems(List.copyOf(new LinkedHashSet<>(List.of(reference, viewer))));
        zone.setItemLabelGenerator(z -> z.getId() + (z.equals(reference) ? " (incident)" : " (yours)"));
        zone.setValue(reference);
        local.setValue(LocalDateTime.ofInstant(initial.truncatedTo(ChronoUnit.MINUTES), reference));
        zone.addValueChangeListener(e -> {
            if (e.getOldValue() != null && local.getValue() != null) {
                Instant same = local.getValue().atZone(e.getOldValue()).toInstant();
                local.setValue(LocalDateTime.ofInstant(same, e.getValue()));
            }
        });
        getContent().add(local, zone);
        getContent().setAlignItems(HorizontalLayout.Alignment.BASELINE);
        getContent().setPadding(false);
    }

    @Nullable Instant getInstant() {
        return local.getValue() == null ? null : local.getValue().atZone(zone.getValue()).toInstant();
    }

    void setError(@Nullable String message) {
        local.setErrorMessage(message);
        local.setInvalid(message != null);
    }

    DateTimePicker picker() {
        return local;
    }
}
