package org.outagedesk.setup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.validation.ConstraintViolationException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;

/** Opens an incident: title, what is known, severity, the services hit, the zone it is told in; it starts now. */
class NewIncidentDialog extends Dialog {

    NewIncidentDialog(IncidentService incidents, Clock clock, Runnable opened) {
        setHeaderTitle("Open an incident");
        setId("new-incident-dialog");
        setWidth("36rem");
        TextField title = new TextField("Title");
        title.setId("new-incident-title");
        title.setMaxLength(200);
        title.setRequired(true);
        TextArea description = new TextArea("What is known");
        description.setId("new-incident-description");
        description.setMaxLength(10_000);
        Select<Severity> severity = new Select<>();
        severity.setLabel("Severity");
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(s -> switch (s) {
            case SEV1 -> "Severity 1 (critical)";
            case SEV2 -> "Severity 2 (major)";
            case SEV3 -> "Severity 3 (minor)";
            case SEV4 -> "Severity 4 (low)";
        });
        severity.setValue(Severity.SEV1);
        severity.setId("new-incident-severity");
        TextField services = new TextField("Services affected");
        services.setHelperText("Separated by commas, e.g. data sync, e-mail, web");
        services.setId("new-incident-services");
        ComboBox<String> zone = new ComboBox<>("Reference time zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        zone.setValue("America/Los_Angeles");
        zone.setId("new-incident-zone");
        add(new FormLayout(title, severity, description, services, zone));

        Button save = new Button("Open incident", e -> {
            List<String> affected = Arrays.stream(services.getValue().split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            try {
                Incident incident = incidents.create(new NewIncident(title.getValue().strip(),
                        description.getValue(), severity.getValue(), affected,
                        zone.getValue() == null ? "" : zone.getValue(), clock.instant()));
                Notifications.success("Incident #" + incident.getId() + " is open");
                close();
                opened.run();
            } catch (ConstraintViolationException ex) {
                Notifications.error("Give a title, a severity, at least one service affected and a time zone");
            } catch (DomainException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("new-incident-save");
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
