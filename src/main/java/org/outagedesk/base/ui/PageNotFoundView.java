package org.outagedesk.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address the console does not have, or a screen the signed-in role may not open (Vaadin answers those as not
 * found, so as not to tell which screens exist): a page of the application with the way home, instead of the
 * browser's bare error.
 */
@AnonymousAllowed
public class PageNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public PageNotFoundView() {
        setId("page-not-found");
        setPadding(true);
        H2 title = new H2("This page is not here for you");
        Paragraph text = new Paragraph("The address may be mistyped, the page may have moved, or your role may not"
                + " open it. Your own screens are one click away.");
        Anchor home = new Anchor("", "Go to your home screen");
        home.setId("go-home");
        add(title, text, home);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
