package org.outagedesk.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A screen the signed-in role may not open: a page of the application that says so, with the way home. */
@AnonymousAllowed
public class PageRefusedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    public PageRefusedView() {
        setId("page-refused");
        setPadding(true);
        Anchor home = new Anchor("", "Go to your home screen");
        home.setId("go-home");
        add(new H2("Your role may not open this page"), new Paragraph("It belongs to another role's work. If you"
                + " need it, ask an incident manager. Your own screens are one click away."), home);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
