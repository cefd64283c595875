package org.outagedesk.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.FieldErrors;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.Words;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineEntryDraft;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;

/**
 * Adds or edits a timeline entry. The service checks the input; its refusals appear next to the field at fault and
 * the dialog keeps what was typed. A stale edit (someone changed the entry meanwhile) is reported and nothing is
 * overwritten.
 */
class EntryDialog extends Dialog {

    private final Select<TimelineEntryType> type = new Select<>();
    private final Select<Visibility> visibility = new Select<>();
    private final Checkbox pinned = new Checkbox("Pinned (stays on top; a pinned public customer notice is the "
            + "advisory's guidance)");
    private final TextArea text = new TextArea("Text (plain text)");
    private final ZonedTimeField when;

    EntryDialog(@Nullable TimelineEntry existing, ZoneId reference, ZoneId viewer,
            Function<TimelineEntryDraft, TimelineEntry> save, Runnable saved) {
        setHeaderTitle(existing == null ? "New timeline entry" : "Edit timeline entry");
        setWidth("44rem");
        type.setLabel("Type");
        type.setId("entry-type");
        type.setItems(Arrays.stream(TimelineEntryType.values())
                .filter(t -> existing != null && existing.getType() == TimelineEntryType.STATUS_CHANGE
                        ? t == TimelineEntryType.STATUS_CHANGE : t != TimelineEntryType.STATUS_CHANGE).toList());
        visibility.setLabel("Visibility");
        visibility.setId("entry-visibility");
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> v == Visibility.PUBLIC ? "Public (customers may see it)"
                : "Internal (console only)");
        type.setItemLabelGenerator(Words::of);
        text.setId("entry-text");
        text.setMaxLength(TimelineEntry.MAX_TEXT);
        text.setValueChangeMode(ValueChangeMode.EAGER);
        text.setHelperText("0 / " + TimelineEntry.MAX_TEXT);
        text.addValueChangeListener(e -> text.setHelperText(e.getValue().length() + " / " + TimelineEntry.MAX_TEXT));
        text.setMinHeight("10rem");
        text.setWidthFull();
        when = new ZonedTimeField("When it happened", reference, viewer,
                existing == null ? Instant.now() : existing.getOccurredAt());
        when.picker().setId("entry-when");
        pinned.setId("entry-pinned");

        if (existing == null) {
            type.setValue(TimelineEntryType.NOTE);
            visibility.setValue(Visibility.INTERNAL);
        } else {
            type.setValue(existing.getType());
            visibility.setValue(existing.getVisibility());
            pinned.setValue(existing.isPinned());
            text.setValue(existing.getText());
        }

        FormLayout form = new FormLayout(type, visibility, when, pinned, text);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(when, 2);
        form.setColspan(pinned, 2);
        form.setColspan(text, 2);
        add(form);

        Button ok = new Button(existing == null ? "Add" : "Save", e -> submit(save, saved));
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId("entry-save");
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, ok);
    }

    private void submit(Function<TimelineEntryDraft, TimelineEntry> save, Runnable saved) {
        FieldErrors errors = FieldErrors.clearing(type, visibility, text);
        when.setError(null);
        Instant at = when.getInstant();
        errors.check(type.getValue() == null, type, "Choose the type of entry")
                .check(visibility.getValue() == null, visibility, "Choose who may see it");
        if (at == null) {
            errors.add(when, when::setError, when.picker(), "Enter when it happened");
        }
        errors.check(text.getValue().isBlank(), text, "Enter the text of the entry");
        if (errors.isEmpty()) {
            try {
                save.apply(new TimelineEntryDraft(type.getValue(), at, visibility.getValue(), pinned.getValue(),
                        text.getValue()));
                close();
                saved.run();
                return;
            } catch (DomainException e) {
                if (e.isConflict() || e.field() == null) {
                    Notifications.error(e.getMessage());
                    return;
                }
                switch (e.field()) {
                    case "text" -> errors.add(text, e.getMessage());
                    case "type" -> errors.add(type, e.getMessage());
                    case "visibility" -> errors.add(visibility, e.getMessage());
                    default -> errors.add(when, when::setError, when.picker(), e.getMessage());
                }
            }
        }
        errors.show();
    }
}
