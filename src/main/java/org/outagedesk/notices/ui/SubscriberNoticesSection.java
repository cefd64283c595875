package org.outagedesk.notices.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.impact.ui.SubscriberDetailsSection;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.notices.SubscriberNotice;
import org.springframework.stereotype.Component;

/**
 * The notices sent to a subscriber, on their detail view, with status and time in the viewer's zone: what an agent
 * reads out ("we texted you on Oct 14 at 10:02").
 */
@Component
class SubscriberNoticesSection implements SubscriberDetailsSection {


    private final NoticeService notices;

    SubscriberNoticesSection(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(String msisdn) {
        if (!CurrentActor.allows(NoticeService.SUBSCRIBER)) {
            return Optional.empty();
        }
        List<SubscriberNotice> list = notices.ofSubscriber(msisdn);
        Grid<SubscriberNotice> grid = new Grid<>();
        grid.setId("subscriber-notices");
        grid.addColumn(SubscriberNotice::noticeName).setHeader("Notice").setFlexGrow(1);
        grid.addColumn(SubscriberNotice::channelLabel).setHeader("By").setAutoWidth(true);
        grid.addColumn(n -> n.statusLabel() + (n.reason() == null ? "" : " (" + n.reason() + ")"))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(n -> n.sentAt() == null ? "not sent" : ShownTime.at(n.sentAt())).setHeader("Sent").setAutoWidth(true);
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No notice was sent to this subscriber.");
        VerticalLayout section = new VerticalLayout(new H3("Notices"), grid);
        section.setPadding(false);
        return Optional.of(section);
    }
}
