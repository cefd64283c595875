package org.outagedesk.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.security.NewUser;
import org.outagedesk.security.UserService;
import org.outagedesk.security.UserSummary;

/**
 * Creates a user, or changes an existing user's name, role and store. Problems are shown next to the field at
 * fault; the dialog stays open with what was typed until the change is accepted.
 */
class UserDialog extends Dialog {

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Name");
    private final Select<String> role = new Select<>();
    private final ComboBox<Store> store = new ComboBox<>("Store");
    private final PasswordField password = new PasswordField("Initial password");
    private final EmailField email =
            new EmailField("E-mail (optional)");
    private final @Nullable UserSummary existing;

    UserDialog(CatalogService catalog, @Nullable UserSummary existing, Consumer<NewUser> save) {
        this.existing = existing;
        setHeaderTitle(existing == null ? "New user" : "Change " + existing.username());
        setWidth("32rem");

        role.setLabel("Role");
        role.setItems(AppRoles.ALL);
        role.setItemLabelGenerator(AppRoles::label);
        role.addValueChangeListener(e -> store.setVisible(AppRoles.STORE_MANAGER.equals(e.getValue())));

        store.setItems(query -> catalog.findStores(query.getFilter().orElse(null), null,
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        store.setItemLabelGenerator(s -> s.getCode() + " · " + s.getName());
        store.setHelperText("Store managers are bound to exactly one store");
        store.setVisible(false);
        store.setWidthFull();

        username.setRequired(true);
        displayName.setRequired(true);
        password.setRequired(true);
        email.setId("user-email");
        email.setMaxLength(UserService.MAX_EMAIL);
        email.setHelperText("Where this user's team e-mails go (update overdue, approvals)");
        email.setVisible(existing != null);
        email.setWidthFull();
        FormLayout form = new FormLayout(username, displayName, role, store, password, email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setColspan(store, 1);
        add(form);

        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            role.setValue(existing.role());
            if (existing.storeCode() != null) {
                catalog.findStore(existing.storeCode()).ifPresent(store::setValue);
            }
            password.setVisible(false);
            email.setValue(existing.email() == null ? "" : existing.email());
        } else {
            role.setValue(AppRoles.AGENT);
        }

        Button ok = new Button(existing == null ? "Create" : "Save", e -> submit(save));
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId("user-dialog-save");
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, ok);
    }

    private void submit(Consumer<NewUser> save) {
        clearErrors();
        boolean missing = requireText(username) | requireText(displayName);
        if (existing == null) {
            missing |= requireText(password);
        }
        if (missing) {
            return;
        }
        Store chosen = store.isVisible() ? store.getValue() : null;
        NewUser request = new NewUser(username.getValue().strip(), displayName.getValue().strip(), role.getValue(),
                chosen == null ? null : chosen.getCode(), existing == null ? password.getValue() : "-");
        try {
            save.accept(request);
            close();
        } catch (DomainException e) {
            showError(e);
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> {
                String field = v.getPropertyPath().toString();
                fieldFor(field.substring(field.lastIndexOf('.') + 1)).setErrorMessage(v.getMessage());
                fieldFor(field.substring(field.lastIndexOf('.') + 1)).setInvalid(true);
            });
        }
    }

    /** The address typed (blank: none); only shown when changing an existing user. */
    String emailValue() {
        return email.getValue();
    }

    private void showError(DomainException e) {
        if (e.field() == null) {
            Notifications.error(e.getMessage());
            return;
        }
        HasValidation target = fieldFor(e.field());
        target.setErrorMessage(e.getMessage());
        target.setInvalid(true);
    }

    private HasValidation fieldFor(String field) {
        return Map.<String, HasValidation>of("username", username, "displayName", displayName, "role", role,
                "store", store, "storeCode", store, "password", password, "email", email).getOrDefault(field, username);
    }

    private static boolean requireText(TextField field) {
        if (field.getValue().isBlank()) {
            field.setErrorMessage(field.getLabel() + " is required");
            field.setInvalid(true);
            return true;
        }
        return false;
    }

    private static boolean requireText(PasswordField field) {
        if (field.getValue().isBlank()) {
            field.setErrorMessage(field.getLabel() + " is required");
            field.setInvalid(true);
            return true;
        }
        return false;
    }

    private void clearErrors() {
        for (HasValidation f : new HasValidation[] {username, displayName, role, store, password}) {
            f.setInvalid(false);
        }
    }
}
