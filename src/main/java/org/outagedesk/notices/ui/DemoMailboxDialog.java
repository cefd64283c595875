package org.outagedesk.notices.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.outbox.DemoMailbox;

/** In the demo: the last 100 e-mails the demo mail relay received, newest first, each readable whole. */
final class DemoMailboxDialog extends Dialog {

    DemoMailboxDialog(DemoMailbox mailbox) {
        super("What the demo mail relay received (newest first)");
        Grid<DemoMailbox.ReceivedMail> g = new Grid<>();
        // the viewer's zone, named
        g.addColumn(m -> ShownTime.at(m.receivedAt())).setHeader("Received").setAutoWidth(true);
        g.addColumn(DemoMailbox.ReceivedMail::to).setHeader("To").setAutoWidth(true);
        g.addColumn(DemoMailbox.ReceivedMail::subject).setHeader("Subject").setFlexGrow(1);
        g.setItems(mailbox.latest(100));
        g.setEmptyStateText("Nothing received yet: the e-mails of notices, holds and reminders show here once sent.");
        g.setWidth("56rem");
        Pre text = new Pre();
        text.getStyle().set("white-space", "pre-wrap");
        g.asSingleSelect().addValueChangeListener(e -> text.setText(e.getValue() == null ? "" : e.getValue().text()
                + (e.getValue().listUnsubscribe() == null ? "" : "\n\nList-Unsubscribe: "
                        + e.getValue().listUnsubscribe())));
        add(new Paragraph(mailbox.count() + " e-mail(s) received since the application started."), g, text);
        getFooter().add(new Button("Close", e -> close()));
    }
}
