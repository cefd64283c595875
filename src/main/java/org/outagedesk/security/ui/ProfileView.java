package org.outagedesk.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.security.UserService;
import org.outagedesk.security.UserSummary;

/**
 * Your profile (every signed-in role, reached from the user box of the drawer): your own e-mail address and whether
 * the e-mails that are for information only reach you. The update-overdue and approval e-mails of incident managers
 * are not switched off here.
 */
@Route("profile")
@PageTitle("Your profile")
@PermitAll
class ProfileView extends VerticalLayout {

    private final UserService users;
    private final EmailField email = new EmailField("Your e-mail address");
    private final Checkbox info = new Checkbox(CurrentActor.allows(IncidentManagersOnly.RULE)
            ? "E-mail me for information too (a copy of each escalation of overdue stores to their region)"
            : "E-mail me for information too (none is sent to your role yet: your choice is kept for when there is)");

    ProfileView(UserService users) {
        this.users = users;
        UserSummary me = users.me();
        email.setId("profile-email");
        email.setMaxLength(UserService.MAX_EMAIL);
        email.setClearButtonVisible(true);
        email.setWidth("28rem");
        email.setHelperText("Empty: Outage Desk sends you no e-mail");
        email.setValue(me.email() == null ? "" : me.email());
        info.setId("profile-info-emails");
        info.setValue(me.infoEmails());
        Paragraph always = new Paragraph(CurrentActor.allows(IncidentManagersOnly.RULE)
                ? "As an incident manager you always get the e-mails that need you: a public update overdue, and "
                        + "something waiting for your approval."
                : "E-mails that need you to act are always sent.");
        always.addClassName("od-muted");
        Button save = new Button("Save", e -> save());
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewToolbar("Your profile: " + me.displayName() + " (" + me.username() + ")"), email, info, always,
                save);
    }

    private void save() {
        email.setInvalid(false);
        try {
            UserSummary saved = users.changeMyEmail(email.getValue(), info.getValue());
            email.setValue(saved.email() == null ? "" : saved.email());
            Notifications.success(saved.email() == null ? "Saved: no e-mail address, so no e-mail is sent to you"
                    : "Saved: e-mails go to " + saved.email()
                            + (saved.infoEmails() ? "" : ", without the ones for information only"));
        } catch (DomainException e) {
            email.setErrorMessage(e.getMessage());
            email.setInvalid(true);
        }
    }
}
