package org.outagedesk.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What any screen shows when it fails to open (issue 16, hole 3): a plain sentence, never the exception's text
 * (Vaadin's own error page quotes it). The failure is logged in full. Access: anyone, because the public advisory
 * can fail too; the page says nothing about what failed.
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        LOG.error("Could not show /{}", event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        setId("error-view");
        add(new H2("This page could not be shown"),
                new Paragraph("Something went wrong on our side and it has been logged. Try again in a moment, or"
                        + " tell the administrator the time it happened."));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
