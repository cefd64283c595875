package org.outagedesk.incident.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.RegionDetails;
import org.outagedesk.catalog.StoreDetails;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineEntryDraft;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.Visibility;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** "Send to stores" on the timeline's retail instructions: the count before sending, then the count sent. */
@IntegrationTest
@SuppressWarnings("unchecked")
class SendToStoresViewTest extends SpringBrowserlessTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    TimelineService timeline;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcTemplate jdbc;

    Incident incident;
    long instruction;
    String tag;
    String region;

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.outagedesk");
    }

    @BeforeEach
    void data() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        region = "View Region " + tag;
        long id = NoticeTestSupport.newIncident(incidents);
        SystemActor.run(() -> {
            catalog.saveRegion(new RegionDetails(region, "America/Chicago", "Vic", "v-" + tag + "@region.example.com"));
            catalog.addStore(new StoreDetails(("VA-" + tag).toUpperCase(), "View Alpha " + tag, region, "Chicago",
                    "DEALER", "va-" + tag + "@stores.example.com", "America/Chicago"));
            catalog.addStore(new StoreDetails(("VB-" + tag).toUpperCase(), "View Beta " + tag, region, "Chicago",
                    "DEALER", null, "America/Chicago"));
            instruction = timeline.add(id, new TimelineEntryDraft(TimelineEntryType.RETAIL_INSTRUCTION,
                    Instant.parse("2009-10-10T19:00:00Z"), Visibility.INTERNAL, true, "Send me " + tag)).getId();
            timeline.add(id, new TimelineEntryDraft(TimelineEntryType.NOTE, Instant.parse("2009-10-10T19:00:00Z"),
                    Visibility.INTERNAL, false, "A note " + tag));
        });
        incident = incidents.findAll().stream().filter(i -> i.getId() == id).findFirst().orElseThrow();
    }

    private Component card(String text) {
        Grid<TimelineEntry> grid = $(Grid.class).id("timeline");
        for (int row = 0; row < test(grid).size(); row++) {
            Component card = test(grid).getCellComponent(row, 0);
            if (find(Span.class, card).withClassName("od-entry-text").single().getText().equals(text)) {
                return card;
            }
        }
        throw new AssertionError("no entry " + text);
    }

    private void open() {
        navigate(IncidentView.class);
        ((ComboBox<Incident>) $(ComboBox.class).id("incident-chooser")).setValue(incident);
    }

    @Test
    @WithUserDetails("manager")
    void an_incident_manager_sees_the_count_before_sending_then_the_count_sent() {
        open();
        assertThat(find(Button.class, card("A note " + tag)).withClassName("entry-send").exists())
                .as("only retail instructions are sent").isFalse();
        test(find(Button.class, card("Send me " + tag)).withClassName("entry-send").single()).click();

        Button send = $(Button.class).id("send-confirm");
        assertThat(send.isEnabled()).as("nothing chosen yet").isFalse();
        ((MultiSelectComboBox<String>) $(MultiSelectComboBox.class).id("send-regions")).setValue(Set.of(region));
        assertThat($(Paragraph.class).id("send-count").getText())
                .isEqualTo("1 store gets this e-mail; 1 without an e-mail address (skipped).");
        assertThat(send.getText()).isEqualTo("Send to 1 store");
        assertThat(rows()).as("a preview sends nothing").isZero();

        test(send).click();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("Retail instruction e-mailed to 1 store; 1 without an address");
        assertThat(rows()).isEqualTo(2);

        // again: the store that had it is counted, not e-mailed twice
        test(find(Button.class, card("Send me " + tag)).withClassName("entry-send").single()).click();
        test((RadioButtonGroup<String>) $(RadioButtonGroup.class).id("send-who")).selectItem("Stores of some regions");
        ((MultiSelectComboBox<String>) $(MultiSelectComboBox.class).id("send-regions")).setValue(Set.of(region));
        assertThat($(Paragraph.class).id("send-count").getText())
                .isEqualTo("0 stores get this e-mail; 2 already had it (not sent again).");
        assertThat($(Button.class).id("send-confirm").isEnabled()).isFalse();
    }

    long rows() {
        Long n = jdbc.queryForObject("select count(*) from outbox_message where event_key = ?", Long.class,
                "retail-instruction:" + incident.getId() + ":" + instruction);
        return n == null ? 0 : n;
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_reads_the_instruction_without_send_to_stores() {
        open();
        assertThat(find(Button.class, card("Send me " + tag)).withClassName("entry-send").exists()).isFalse();
    }

    @Test
    @WithUserDetails("exec")
    void an_executive_reads_the_instruction_without_send_to_stores() {
        open();
        assertThat(find(Button.class, card("Send me " + tag)).withClassName("entry-send").exists()).isFalse();
    }
}
