package org.outagedesk.holds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.IncidentStatus;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntryDraft;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class MyStoreViewTest extends SpringBrowserlessTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    TimelineService timeline;

    @Test
    @WithUserDetails("store")
    void what_to_tell_customers_shows_every_public_update_newest_first_in_the_stores_time() {
        String title = "Store guidance test " + UUID.randomUUID();
        long id = SystemActor.call(() -> incidents.create(new NewIncident(title, "test", Severity.SEV2,
                List.of("data"), "America/Los_Angeles", Instant.parse("2001-01-01T00:00:00Z")))).getId();
        try {
            SystemActor.run(() -> {
                timeline.add(id, new TimelineEntryDraft(TimelineEntryType.CUSTOMER_NOTICE,
                        Instant.parse("2001-01-01T10:00:00Z"), Visibility.PUBLIC, true,
                        "Data not on the phone has almost certainly been lost."));
                timeline.add(id, new TimelineEntryDraft(TimelineEntryType.DATA_RECOVERY,
                        Instant.parse("2001-01-02T12:00:00Z"), Visibility.PUBLIC, false,
                        "Most data has been recovered; a credit has been decided."));
                timeline.add(id, new TimelineEntryDraft(TimelineEntryType.NOTE,
                        Instant.parse("2001-01-02T13:00:00Z"), Visibility.INTERNAL, false, "Internal only note."));
            });
            // the store manager's home was opened when the test's UI started: show it again, with the new entries
            UI.getCurrent().navigate(MyStoreView.class);
            UI.getCurrent().refreshCurrentRoute(false);
            Div guidance = $(Div.class).withId("retail-guidance").single();
            List<String> items = itemsOf(guidance, title);

            assertThat(items).as(guidance.getElement().getTextRecursively()).hasSize(2);
            assertThat(items.get(0)).as("the newest public update comes first")
                    .contains("Most data has been recovered").contains("Jan 2, 2001, 7:00 AM EST")
                    .contains("Data recovery");
            assertThat(items.get(1)).contains("almost certainly been lost").contains("Notice to customers");
            assertThat(String.join(" ", items)).doesNotContain("Internal only").doesNotContain("CUSTOMER_NOTICE");
        } finally {
            SystemActor.run(() -> incidents.changeStatus(id, IncidentStatus.RESOLVED, "test done", null));
        }
    }

    /** The texts of the notices under the incident's heading. */
    private static List<String> itemsOf(Div guidance, String title) {
        List<String> items = new ArrayList<>();
        boolean mine = false;
        for (Component c : guidance.getChildren().toList()) {
            if (c instanceof H4 h) {
                mine = h.getText().equals(title);
            } else if (mine && c instanceof Div item) {
                items.add(item.getElement().getTextRecursively());
            }
        }
        return items;
    }
}
