package org.outagedesk.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.outagedesk.security.SignInThrottledException;
import org.springframework.security.web.WebAttributes;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Outage Desk")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final AuthenticationContext authentication;

    LoginView(AuthenticationContext authentication, Environment environment) {
        this.authentication = authentication;
        addClassName("od-login-page");
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Outage Desk");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage("The username or password is wrong, or the account is disabled.");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(login);
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            Paragraph demo = new Paragraph("Demo: agent, agent2, manager, manager2, exec, store, store2 "
                    + "(password \"demo\"). The till account \"till\" uses the API only.");
            demo.addClassName("od-demo-users");
            demo.setId("demo-users");
            add(demo);
        }
        add(new Anchor("advisory", "Customer advisory (public)"));
    }

    /** Spring Security keeps the reason of the last failed sign-in in the session (failure URL /login?error). */
    private static @Nullable Object lastFailure() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Outage Desk");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage(error && lastFailure() instanceof SignInThrottledException throttled
                ? "Too many failed sign-ins: wait " + throttled.retryAfterSeconds() + " seconds, then try again."
                : "The username or password is wrong, or the account is disabled.");
        login.setI18n(i18n);
        login.setError(error);
    }
}
