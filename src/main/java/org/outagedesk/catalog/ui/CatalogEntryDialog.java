package org.outagedesk.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import java.util.LinkedHashMap;
import java.util.Map;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.FieldErrors;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.catalog.InvalidCatalogEntry;

/**
 * A dialog that adds or edits one SKU or store. The service checks every rule (the same as the CSV import's) and
 * names each problem by field; each is shown next to its field, and the dialog stays open until the save succeeds.
 */
abstract class CatalogEntryDialog extends Dialog {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Paragraph problem = new Paragraph();
    protected final FormLayout form = new FormLayout();

    CatalogEntryDialog(String title, String id) {
        setHeaderTitle(title);
        setId(id);
        setWidth("36rem");
        problem.addClassNames("text-error", "text-s");
        problem.setVisible(false);
        add(form, problem);
        Button save = new Button("Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId(id + "-save");
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    /** Adds a field that the service's errors for {@code name} (the CSV column) are shown on. */
    protected <C extends Component & HasValidation> C field(String name, C field) {
        fields.put(name, field);
        field.setId(getId().orElse("entry") + "-" + name);
        form.add(field);
        return field;
    }

    /** Saves through the service; throws what the service throws. */
    protected abstract void submit();

    private void save() {
        FieldErrors errors = FieldErrors.clearing(
                fields.values().toArray(HasValidation[]::new));
        problem.setVisible(false);
        try {
            submit();
            close();
        } catch (InvalidCatalogEntry e) {
            e.fields().forEach((name, message) -> {
                HasValidation f = fields.get(name);
                if (f != null) {
                    errors.add(f, capitalised(message));
                } else {
                    problem.setText(name + ": " + message);
                    problem.setVisible(true);
                }
            });
            errors.show();
        } catch (DomainException e) {
            Notifications.error(e.getMessage());
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
