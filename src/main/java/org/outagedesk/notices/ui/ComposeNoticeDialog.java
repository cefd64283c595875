package org.outagedesk.notices.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.notices.NewNotice;
import org.outagedesk.notices.NoticeDetails;
import org.outagedesk.notices.NoticeService;

/**
 * A new notice of an incident: its audience (the subscriber list's filter), channels, templates; saved as a draft.
 * A refusal (an unknown placeholder, a text over its parts) is shown and the dialog stays open with what was typed.
 */
final class ComposeNoticeDialog extends Dialog {

    ComposeNoticeDialog(NoticeService notices, long incidentId, Consumer<NoticeDetails> saved) {
        super("Compose a notice");
        TextField name = new TextField("Name");
        name.setMaxLength(200);
        name.setWidthFull();
        CheckboxGroup<DataLossStatus> statuses = new CheckboxGroup<>("Subscribers whose data is");
        statuses.setItems(DataLossStatus.values());
        statuses.setItemLabelGenerator(DataLossStatus::label);
        TextField region = new TextField("Region (optional)");
        TextField store = new TextField("Store code (optional)");
        CheckboxGroup<String> channels = new CheckboxGroup<>("Channels");
        channels.setItems("SMS", "EMAIL");
        channels.setItemLabelGenerator(c -> c.equals("SMS") ? "Text message" : "E-mail");
        channels.setValue(Set.of("SMS"));
        Checkbox fallback = new Checkbox("Text, else e-mail (only those who cannot be texted get the e-mail)");
        Checkbox urgent = new Checkbox("Urgent: send texts at night too");
        TextArea sms = new TextArea("Text message");
        sms.setMaxLength(1000);
        sms.setWidthFull();
        sms.setHelperText("Placeholders: {name}, {categories}, {statusText}, {credit} (what the subscriber has been"
                + " credited when the notice is approved), {advisoryUrl}");
        TextField subject = new TextField("E-mail subject");
        subject.setMaxLength(200);
        subject.setWidthFull();
        TextArea body = new TextArea("E-mail");
        body.setMaxLength(4000);
        body.setWidthFull();
        VerticalLayout form = new VerticalLayout(name, statuses, new HorizontalLayout(region, store), channels,
                fallback, urgent, sms, subject, body);
        form.setWidth("44rem");
        add(form);
        Button save = new Button("Save draft", e -> {
            try {
                ImpactFilter filter = new ImpactFilter(statuses.getValue().isEmpty() ? null
                        : EnumSet.copyOf(statuses.getValue()), null, null, region.getValue(), store.getValue(), null,
                        null);
                NoticeDetails d = notices.create(new NewNotice(incidentId, name.getValue(), filter,
                        channels.getValue().stream().sorted().toList().reversed(), fallback.getValue(),
                        sms.getValue(), subject.getValue(), body.getValue(), urgent.getValue()));
                close();
                saved.accept(d);
                Notifications.success("Draft saved: preview it, then submit it for approval");
            } catch (DomainException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.setId("notice-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Back", e -> close()), save);
    }
}
