package org.outagedesk.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.time.ZoneId;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.FieldErrors;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.Words;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.IncidentStatus;

/** Moves an incident to one of the statuses allowed from its current one; reopening asks for the reason. */
class StatusDialog extends Dialog {

    private final ComboBox<IncidentStatus> status = new ComboBox<>("New status");
    private final TextArea note = new TextArea("Note");
    private final ZonedTimeField when;

    StatusDialog(Incident incident, IncidentService incidents, ZoneId viewer, Runnable changed) {
        setHeaderTitle("Change status (now " + Words.of(incident.getStatus()) + ")");
        status.setItemLabelGenerator(Words::of);
        setWidth("36rem");
        status.setId("status-choice");
        status.setItems(incident.getStatus().allowedNext());
        status.setRequired(true);
        status.addValueChangeListener(e -> note.setLabel(e.getValue() != null
                && incident.getStatus().isReopeningTo(e.getValue()) ? "Reason for reopening (required)" : "Note"));
        note.setId("status-note");
        note.setMaxLength(2000);
        note.setWidthFull();
        when = new ZonedTimeField("When", incident.getReferenceZone(), viewer, Instant.now());
        when.picker().setId("status-when");
        FormLayout form = new FormLayout(status, when, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button ok = new Button("Change status", e -> {
            FieldErrors errors = FieldErrors.clearing(status, note);
            when.setError(null);
            errors.check(status.getValue() == null, status, "Choose the new status");
            if (when.getInstant() == null) {
                errors.add(when, when::setError, when.picker(), "Enter when the status changed");
            }
            errors.check(status.getValue() != null && incident.getStatus().isReopeningTo(status.getValue())
                    && note.getValue().isBlank(), note, "Say why the incident is reopened");
            if (errors.isEmpty()) {
                try {
                    incidents.changeStatus(incident.getId(), status.getValue(), note.getValue(),
                            when.getInstant());
                    close();
                    Notifications.success("Status is now " + status.getValue().label());
                    changed.run();
                    return;
                } catch (DomainException ex) {
                    if ("note".equals(ex.field())) {
                        errors.add(note, ex.getMessage());
                    } else if ("at".equals(ex.field())) {
                        errors.add(when, when::setError, when.picker(), ex.getMessage());
                    } else if ("status".equals(ex.field())) {
                        errors.add(status, ex.getMessage());
                    } else {
                        Notifications.error(ex.getMessage());
                    }
                }
            }
            errors.show();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId("status-save");
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }
}
