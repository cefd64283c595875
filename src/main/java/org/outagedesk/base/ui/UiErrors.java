package org.outagedesk.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A failure while a screen handles a click or a refresh is logged in full and shown as one plain sentence, never
 * with the exception's text (issue 16, hole 3).
 */
@Component
class UiErrors implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(UiErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(error -> {
            LOG.error("Unexpected error in the console", error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notifications.error("Something went wrong on our side and it has been logged."
                        + " Try again, or tell the administrator the time it happened."));
            }
        }));
    }
}
