package org.outagedesk.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.ui.TimelineEntryAction;
import org.outagedesk.mail.RetailInstructionMailer;
import org.springframework.stereotype.Component;

/** "Send to stores" on each retail instruction of the timeline, for incident managers. */
@Component
class SendToStoresAction implements TimelineEntryAction {

    private final RetailInstructionMailer mailer;
    private final CatalogService catalog;

    SendToStoresAction(RetailInstructionMailer mailer, CatalogService catalog) {
        this.mailer = mailer;
        this.catalog = catalog;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(TimelineEntry entry) {
        if (entry.getType() != TimelineEntryType.RETAIL_INSTRUCTION || entry.isRetracted()
                || !CurrentActor.allows(IncidentManagersOnly.RULE)) {
            return Optional.empty();
        }
        Button send = new Button("Send to stores", VaadinIcon.ENVELOPE_O.create(),
                e -> new SendToStoresDialog(mailer, catalog, entry).open());
        send.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        send.addClassName("entry-send");
        return Optional.of(send);
    }
}
