package org.outagedesk.credits.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.FieldErrors;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.credits.CreditRecord;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.CreditStatus;
import org.outagedesk.credits.IssuedCredit;
import org.outagedesk.credits.NewCredit;
import org.outagedesk.credits.ReasonCode;
import org.outagedesk.credits.SubscriberCredits;
import org.outagedesk.impact.DataLossStatus;

/**
 * The agent's credit dialog. It carries one idempotency key for its whole life, so a double click or a retry after
 * a network hiccup returns the credit already given instead of paying twice.
 */
class CreditDialog extends Dialog {

    private final String key = UUID.randomUUID().toString();
    private final ComboBox<ReasonCode> reason = new ComboBox<>("Reason");
    private final BigDecimalField amount = new BigDecimalField("Amount (USD)");
    private final TextArea note = new TextArea("Note");

    CreditDialog(CreditService credits, SubscriberCredits subscriber, Consumer<CreditRecord> done) {
        setHeaderTitle("Credit " + subscriber.msisdn() + " (" + subscriber.name() + ")");
        reason.setItems(credits.reasonCodes());
        reason.setItemLabelGenerator(r -> r.code() + " – " + r.label());
        reason.setId("credit-reason");
        amount.setId("credit-amount");
        amount.setPrefixComponent(new Span("$"));
        amount.setHelperText("Room under the cap: " + subscriber.room() + ". Your limit: " + credits.myLimit()
                + " (above it the credit waits for an incident manager's approval)");
        note.setMaxLength(1000);
        FormLayout form = new FormLayout(reason, amount, note);
        form.setColspan(note, 2);
        add(new Paragraph("Data-loss status: " + Optional.ofNullable(DataLossStatus.parseOrNull(subscriber.status())).map(DataLossStatus::label).orElse(subscriber.status()) + (subscriber.dataPlan() ? ", has a data plan"
                : ", no data plan") + ". Credited so far in this incident: " + subscriber.net() + " of "
                + subscriber.cap() + "."), form);
        Button issue = new Button("Issue credit", e -> {
            FieldErrors errors = FieldErrors.clearing(reason, amount, note)
                    .check(reason.getValue() == null, reason, "Choose a reason code")
                    .check(amount.getValue() == null, amount, "Enter the amount in US dollars, e.g. 20.00")
                    .check(amount.getValue() != null && amount.getValue().signum() <= 0, amount,
                            "The amount must be more than $0.00");
            if (!errors.isEmpty()) {
                errors.show();
                return;
            }
            try {
                IssuedCredit result = credits.issue(new NewCredit(subscriber.msisdn(), subscriber.incidentId(),
                        reason.getValue() == null ? null : reason.getValue().code(), amount.getValue(),
                        note.getValue()), key);
                CreditRecord c = result.credit();
                Notifications.success(c.status() == CreditStatus.ISSUED ? "Credited " + c.amount()
                        : c.amount() + " is above your limit: it waits for an incident manager's approval");
                close();
                done.accept(c);
            } catch (DomainException ex) {
                if ("reasonCode".equals(ex.field())) {
                    errors.add(reason, ex.getMessage()).show();
                } else if (ex.field() == null || "amount".equals(ex.field())) {
                    errors.add(amount, ex.getMessage()).show();
                } else if ("note".equals(ex.field())) {
                    errors.add(note, ex.getMessage()).show();
                } else {
                    Notifications.error(ex.getMessage());
                }
            }
        });
        issue.setId("credit-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.setDisableOnClick(true);
        issue.addClickListener(e -> issue.setEnabled(true));
        getFooter().add(new Button("Cancel", e -> close()), issue);
    }
}
