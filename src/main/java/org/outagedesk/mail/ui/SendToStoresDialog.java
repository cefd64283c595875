package org.outagedesk.mail.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.Text;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.mail.RetailInstructionMailer;
import org.outagedesk.mail.RetailInstructionSent;

/**
 * Chooses the stores a retail instruction is e-mailed to (all, some regions, some stores), shows how many will get it
 * before anything is sent (the same count the API's dry run answers), and sends it on confirmation.
 */
class SendToStoresDialog extends Dialog {

    static final String ALL = "All stores";
    static final String REGIONS = "Stores of some regions";
    static final String STORES = "Some stores";

    private final RetailInstructionMailer mailer;
    private final TimelineEntry entry;
    private final RadioButtonGroup<String> who = new RadioButtonGroup<>("Send to");
    private final MultiSelectComboBox<String> regions = new MultiSelectComboBox<>("Regions");
    private final MultiSelectComboBox<Store> stores = new MultiSelectComboBox<>("Stores");
    private final Paragraph count = new Paragraph();
    private final Button send = new Button("Send");

    SendToStoresDialog(RetailInstructionMailer mailer, CatalogService catalog, TimelineEntry entry) {
        this.mailer = mailer;
        this.entry = entry;
        setHeaderTitle("Send the retail instruction to stores");
        setWidth("36rem");

        Paragraph text = new Paragraph(Text.shorten(entry.getText(), 300)); // shown as typed, never interpreted
        text.addClassName("od-muted");
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        who.setId("send-who");
        who.setItems(ALL, REGIONS, STORES);
        who.setValue(REGIONS);
        regions.setId("send-regions");
        regions.setItems(mailer.regions());
        regions.setWidthFull();
        stores.setId("send-stores");
        stores.setItems(query -> catalog.findStores(query.getFilter().orElse(null), null,
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        stores.setItemLabelGenerator(s -> s.getCode() + " · " + s.getName() + (s.isClosed() ? " (closed)" : ""));
        stores.setWidthFull();
        stores.setVisible(false);
        count.setId("send-count");
        count.getElement().setAttribute("aria-live", "polite");
        who.addValueChangeListener(e -> {
            regions.setVisible(REGIONS.equals(e.getValue()));
            stores.setVisible(STORES.equals(e.getValue()));
            preview();
        });
        regions.addValueChangeListener(e -> preview());
        stores.addValueChangeListener(e -> preview());
        add(text, who, regions, stores, count);

        send.setId("send-confirm");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, send);
        preview();
    }

    private boolean all() {
        return ALL.equals(who.getValue());
    }

    private List<String> chosenRegions() {
        return REGIONS.equals(who.getValue()) ? List.copyOf(regions.getValue()) : List.of();
    }

    private List<String> chosenStores() {
        return STORES.equals(who.getValue()) ? stores.getValue().stream().map(Store::getCode).toList() : List.of();
    }

    /** Counts before sending: nothing goes out until "Send" is pressed. */
    private void preview() {
        clearErrors();
        if (!all() && chosenRegions().isEmpty() && chosenStores().isEmpty()) {
            count.setText("Choose the regions or stores that get it.");
            send.setEnabled(false);
            send.setText("Send");
            return;
        }
        try {
            RetailInstructionSent p = mailer.preview(entry.getIncidentId(), entry.getId(), all(), chosenRegions(),
                    chosenStores());
            count.setText(describe(p));
            send.setEnabled(p.emailed() + p.withoutAddress() > 0);
            send.setText("Send to " + p.emailed() + (p.emailed() == 1 ? " store" : " stores"));
        } catch (DomainException e) {
            showError(e);
            send.setEnabled(false);
        }
    }

    static String describe(RetailInstructionSent p) {
        StringBuilder s = new StringBuilder();
        s.append(p.emailed()).append(p.emailed() == 1 ? " store gets" : " stores get").append(" this e-mail");
        if (p.alreadySent() > 0) {
            s.append("; ").append(p.alreadySent()).append(" already had it (not sent again)");
        }
        if (p.withoutAddress() > 0) {
            s.append("; ").append(p.withoutAddress()).append(" without an e-mail address (skipped)");
        }
        if (p.closedSkipped() > 0) {
            s.append("; ").append(p.closedSkipped()).append(" closed (left out)");
        }
        return s.append('.').toString();
    }

    private void send() {
        try {
            RetailInstructionSent sent = mailer.send(entry.getIncidentId(), entry.getId(), all(), chosenRegions(),
                    chosenStores());
            close();
            Notifications.success("Retail instruction e-mailed to " + sent.emailed()
                    + (sent.emailed() == 1 ? " store" : " stores")
                    + (sent.alreadySent() == 0 ? "" : "; " + sent.alreadySent() + " already had it")
                    + (sent.withoutAddress() == 0 ? "" : "; " + sent.withoutAddress() + " without an address"));
        } catch (DomainException e) {
            showError(e);
        } catch (NotFoundException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void clearErrors() {
        regions.setInvalid(false);
        stores.setInvalid(false);
    }

    private void showError(DomainException e) {
        @Nullable HasValidation field = "regions".equals(e.field()) ? regions : "stores".equals(e.field()) ? stores
                : null;
        if (field == null) {
            Notifications.error(e.getMessage());
        } else {
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
    }
}
