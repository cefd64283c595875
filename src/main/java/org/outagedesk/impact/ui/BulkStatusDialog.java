package org.outagedesk.impact.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.Words;
import org.outagedesk.impact.BulkCountChangedException;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactService;

/**
 * Changes the status of every subscriber the list's filter selects (incident managers only): says the filter in
 * words, shows how many will change, asks for a reason, asks the user to type the count when it is above
 * {@code outagedesk.impact.bulk-typed-confirmation-above} (1,000), and applies only if that number still holds.
 */
class BulkStatusDialog extends Dialog {

    private static final NumberFormat NUMBER = NumberFormat.getIntegerInstance(Locale.US);

    private final ImpactService impacts;
    private final long incidentId;
    private final ImpactFilter filter;
    private final Select<DataLossStatus> newStatus = new Select<>();
    private final TextArea reason = new TextArea("Reason (kept in each subscriber's history)");
    private final Paragraph preview = new Paragraph();
    private final Button confirm = new Button();
    private final TextField typed = new TextField();
    private final long typeAbove;
    private long count;

    BulkStatusDialog(ImpactService impacts, long incidentId, ImpactFilter filter, long typeAbove,
            Runnable afterChange) {
        this.typeAbove = typeAbove;
        this.impacts = impacts;
        this.incidentId = incidentId;
        this.filter = filter;
        setHeaderTitle("Change the status of the selected subscribers");
        setWidth("36rem");
        newStatus.setLabel("New status");
        newStatus.setItems(DataLossStatus.values());
        newStatus.setItemLabelGenerator(DataLossStatus::label);
        newStatus.setId("bulk-new-status");
        newStatus.addValueChangeListener(e -> updatePreview());
        reason.setId("bulk-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        reason.setRequired(true);
        preview.setId("bulk-preview");
        Paragraph selection = new Paragraph("Selected: " + filter.describe() + ".");
        selection.setId("bulk-selection");
        typed.setId("bulk-typed-count");
        typed.setWidthFull();
        typed.setVisible(false);
        typed.setValueChangeMode(ValueChangeMode.EAGER);
        typed.addValueChangeListener(e -> showCount());

        confirm.setId("bulk-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why these statuses change");
                return;
            }
            try {
                int changed = impacts.bulkChangeStatus(incidentId, filter, newStatus.getValue(), reason.getValue(),
                        count);
                Notifications.success(Words.count(changed, "subscriber") + " now " + newStatus.getValue().label());
                close();
                afterChange.run();
            } catch (BulkCountChangedException ex) {
                count = ex.currentCount();
                showCount();
                preview.setText("The selection changed while you were deciding: now " + Words.count(count,
                        "subscriber") + " would change. Check and confirm again.");
            } catch (DomainException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(ex.getMessage());
            }
        });
        Button cancel = new Button("Cancel", e -> close());
        add(new VerticalLayout(selection, newStatus, preview, reason, typed));
        getFooter().add(cancel, confirm);
    }

    private void updatePreview() {
        if (newStatus.getValue() == null) {
            confirm.setEnabled(false);
            return;
        }
        count = impacts.previewBulkChange(incidentId, filter, newStatus.getValue());
        showCount();
        preview.setText(count == 0 ? "No selected subscriber would change: they are all "
                + newStatus.getValue().label() + " already."
                : Words.count(count, "subscriber") + (count == 1 ? " changes" : " change") + " to "
                        + newStatus.getValue().label() + "; those already in it stay as they are.");
    }

    private void showCount() {
        confirm.setText("Change " + Words.count(count, "subscriber"));
        boolean mustType = count > typeAbove;
        typed.setVisible(mustType);
        typed.setLabel("Type " + NUMBER.format(count) + " to confirm a change this large");
        String digits = typed.getValue() == null ? "" : typed.getValue().replaceAll("[,\\s]", "");
        confirm.setEnabled(count > 0 && (!mustType || digits.equals(String.valueOf(count))));
    }
}
