package org.outagedesk.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The executive overview's "notified" and "delivered" cards equal the outbox counted in SQL. */
@IntegrationTest
class NoticeFiguresViewTest extends SpringBrowserlessTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    NoticeService notices;
    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.outagedesk");
    }

    private String number(String cardId) {
        return find(Span.class, $(Anchor.class).id(cardId)).withClassName("od-card-number").single().getText();
    }

    private long inSql(long incident, String statuses) {
        return jdbc.queryForObject("select count(*) from outbox_message m join customer_notice n"
                + " on m.event_key = concat('NOTICE:', cast(n.id as varchar(20))) where n.incident_id = ?"
                + " and m.status in (" + statuses + ")", Long.class, incident);
    }

    @Test
    @WithUserDetails("exec")
    @SuppressWarnings("unchecked")
    void the_executive_reads_notified_and_delivered_as_counted_in_sql() {
        long incident = NoticeTestSupport.newIncident(incidents);
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 5);
        long notice = NoticeTestSupport.smsDraft(notices, incident, "Figures test").id();
        String[] states = {"DELIVERED", "SENT", "FAILED", "SKIPPED", "QUEUED"};
        for (int k = 0; k < states.length; k++) {
            NoticeTestSupport.message(jdbc, impacts, notice, numbers.get(k), states[k],
                    states[k].equals("SKIPPED") ? "opted out" : null);
        }
        navigate(ImpactOverviewView.class);
        ComboBox<Incident> chooser = $(ComboBox.class).id("incident-chooser");
        chooser.setValue(SystemActor.call(() -> incidents.get(incident)));
        long notified = inSql(incident, "'SENT', 'DELIVERED', 'FAILED', 'EXPIRED'");
        long delivered = inSql(incident, "'DELIVERED'");
        assertThat(notified).isEqualTo(3);
        assertThat(delivered).isEqualTo(1);
        assertThat(number("card-notified")).isEqualTo(Long.toString(notified));
        assertThat(number("card-delivered")).isEqualTo(Long.toString(delivered));
    }
}
