package org.outagedesk.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.function.Consumer;
import org.outagedesk.base.DomainException;
import org.outagedesk.security.UserSummary;

/** Sets a new password for a user; the rule's message shows under the field when the password is refused. */
final class PasswordDialog {

    private PasswordDialog() {
    }

    static void open(UserSummary user, Consumer<String> reset) {
        Dialog dialog = new Dialog("Reset the password of " + user.username());
        PasswordField password = new PasswordField("New password");
        password.setWidthFull();
        dialog.add(password);
        Button ok = new Button("Reset password", e -> {
            try {
                reset.accept(password.getValue());
                dialog.close();
            } catch (DomainException ex) {
                password.setErrorMessage(ex.getMessage());
                password.setInvalid(true);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }
}
