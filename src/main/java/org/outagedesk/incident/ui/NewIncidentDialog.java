package org.outagedesk.incident.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.Words;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;

/**
 * Opens an incident from the console (the API's {@code POST /api/incidents} in a form). Every missing or wrong field
 * is marked at once, next to the field, and the first one gets the focus.
 */
class NewIncidentDialog extends Dialog {

    private final TextField title = new TextField("Title");
    private final TextArea description = new TextArea("What is happening (internal)");
    private final Select<Severity> severity = new Select<>();
    private final TextField services = new TextField("Affected services");
    private final ComboBox<String> zone = new ComboBox<>("The incident team's time zone");
    private final DateTimePicker started = new DateTimePicker("Started (in that zone)");

    NewIncidentDialog(IncidentService incidents, ZoneId viewer, Consumer<Incident> created) {
        setHeaderTitle("New incident");
        setWidth("40rem");
        title.setId("new-incident-title");
        title.setMaxLength(200);
        title.setRequired(true);
        description.setId("new-incident-description");
        description.setMaxLength(10_000);
        severity.setLabel("Severity");
        severity.setId("new-incident-severity");
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(Words::of);
        severity.setValue(Severity.SEV2);
        services.setId("new-incident-services");
        services.setHelperText("Separated by commas, e.g. data sync, e-mail, web");
        services.setRequired(true);
        zone.setId("new-incident-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList());
        zone.setValue(viewer.getId().contains("/") ? viewer.getId() : "America/Los_Angeles");
        zone.setItemLabelGenerator(z -> z.replace('_', ' ') + " (" + ShownTime.zoneLongName(ZoneId.of(z)) + ")");
        started.setId("new-incident-started");
        started.setStep(Duration.ofMinutes(1));
        started.setValue(LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MINUTES),
                ZoneId.of(zone.getValue())));
        FormLayout form = new FormLayout(title, severity, services, zone, started, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button save = new Button("Open incident", e -> save(incidents, created));
        save.setId("new-incident-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void save(IncidentService incidents, Consumer<Incident> created) {
        Map<HasValidation, String> errors = new LinkedHashMap<>();
        for (HasValidation f : List.<HasValidation>of(title, services, zone, started, description)) {
            f.setInvalid(false);
        }
        if (title.getValue().isBlank()) {
            errors.put(title, "Give the incident a title customers and staff will recognise");
        }
        List<String> affected = Arrays.stream(services.getValue().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (affected.isEmpty()) {
            errors.put(services, "Name at least one affected service");
        }
        if (zone.getValue() == null) {
            errors.put(zone, "Choose the time zone the incident team works in");
        }
        if (started.getValue() == null) {
            errors.put(started, "Say when the outage started");
        }
        if (errors.isEmpty()) {
            try {
                Incident incident = incidents.create(new NewIncident(title.getValue(), description.getValue(),
                        severity.getValue(), affected, zone.getValue(),
                        started.getValue().atZone(ZoneId.of(zone.getValue())).toInstant()));
                close();
                created.accept(incident);
                return;
            } catch (DomainException ex) {
                errors.put(field(ex.field()), ex.getMessage());
            } catch (ConstraintViolationException ex) {
                ex.getConstraintViolations().forEach(v -> errors.putIfAbsent(field(lastName(
                        v.getPropertyPath().toString())), v.getMessage()));
            }
        }
        errors.forEach((f, message) -> {
            f.setErrorMessage(message);
            f.setInvalid(true);
        });
        errors.keySet().stream().findFirst().ifPresent(f -> ((Focusable<?>) f).focus());
    }

    private static String lastName(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private HasValidation field(String name) {
        return switch (name == null ? "" : name) {
            case "affectedServices" -> services;
            case "referenceZone" -> zone;
            case "startedAt" -> started;
            case "description" -> description;
            default -> title;
        };
    }
}
