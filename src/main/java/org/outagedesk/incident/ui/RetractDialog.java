package org.outagedesk.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineService;

/** Retracts an entry with a reason; the entry stays on the timeline, marked retracted. */
class RetractDialog extends Dialog {

    RetractDialog(TimelineEntry entry, TimelineService timeline, Runnable retracted) {
        setHeaderTitle("Retract this entry?");
        setWidth("32rem");
        Paragraph explain = new Paragraph("The entry stays on the timeline, marked as retracted with your reason; "
                + "a public entry leaves the customer advisory.");
        TextArea reason = new TextArea("Reason");
        reason.setId("retract-reason");
        reason.setRequired(true);
        reason.setMaxLength(1000);
        reason.setWidthFull();
        add(explain, reason);
        Button ok = new Button("Retract", e -> {
            try {
                timeline.retract(entry.getId(), entry.getVersion(), reason.getValue());
                close();
                Notifications.success("Entry retracted");
                retracted.run();
            } catch (DomainException ex) {
                if ("reason".equals(ex.field())) {
                    reason.setErrorMessage(ex.getMessage());
                    reason.setInvalid(true);
                } else {
                    Notifications.error(ex.getMessage());
                }
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        ok.setId("retract-save");
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }
}
