package org.outagedesk.impact.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactRow;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class SubscriberViewsTest extends SpringBrowserlessTest {

    private static final String HEADER = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n";

    @Autowired
    ImpactService impacts;
    @Autowired
    IncidentService incidents;

    long incident;
    String incidentTitle;
    String deviceOnly;
    String lost;

    @BeforeEach
    void ownIncidentWithTwoSubscribers() {
        incidentTitle = "View test " + UUID.randomUUID();
        incident = SystemActor.call(() -> incidents.create(new NewIncident(incidentTitle, "test",
                Severity.SEV3, List.of("test"), "America/Los_Angeles", Instant.parse("2001-01-01T00:00:00Z"))))
                .getId();
        String digits = String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        deviceOnly = "+1877" + digits;
        lost = "+1866" + digits;
        String csv = HEADER + deviceOnly + ",ACC-V1,Dana Device,SK-S3-BLA,D-NY-UWS-01,true,DEVICE_ONLY,CONTACTS;PHOTOS,"
                + "2009-10-01T14:22:05-07:00\n" + lost + ",ACC-V2,Lee Lost,SK-S3-PIN,C-WA-SEA-01,true,LOST,PHOTOS,\n";
        SystemActor.run(() -> impacts.importCsv(incident, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                -1, "view-test.csv", ImportMode.ALL_OR_NOTHING));
    }

    private void openList() {
        navigate(SubscriberListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<Incident> incidentChoice = $(ComboBox.class).withAriaLabel("Incident").single();
        test(incidentChoice).selectItem(incidentTitle);
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_finds_a_subscriber_by_part_of_the_number_sees_the_warning_and_logs_a_call() {
        openList();
        @SuppressWarnings("unchecked")
        Grid<ImpactRow> grid = $(Grid.class).withId("subscriber-grid").single();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat($(Button.class).withId("count-DEVICE_ONLY").single().getText()).isEqualTo("1");

        test($(TextField.class).withId("subscriber-search").single()).setValue(deviceOnly.substring(4));
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).name()).isEqualTo("Dana Device");

        test(grid).clickRow(0);
        SubscriberDetailsView details = $view(SubscriberDetailsView.class).single();
        assertThat(details).isNotNull();
        assertThat($(Span.class).withId("subscriber-msisdn").single().getText()).isEqualTo(deviceOnly);
        assertThat($(Div.class).withId("device-only-warning").single().getElement().getTextRecursively())
                .contains("Do NOT reset the phone.", "Do NOT remove the battery or let it run flat.");
        assertThat($(Paragraph.class).withId("caller-script-" + incident).single().getText())
                .startsWith("Tell the caller:").contains("do not reset");
        assertThat($(Div.class).withId("subscriber-credits-" + incident).single().getElement().getTextRecursively())
                .contains("No credit yet", "Room left under the $150.00 cap: $150.00");

        test($(TextArea.class).withId("call-note").single()).setValue("Advised not to reset the device");
        test($(Button.class).withId("log-call").single()).click();

        Grid<?> calls = $(Grid.class).withId("contact-log").single();
        assertThat(test(calls).size()).isEqualTo(1);
        assertThat(test(calls).getCellText(0, 2)).isEqualTo("Advised not to reset the device");
        assertThat(test(calls).getCellText(0, 1)).isEqualTo("agent");
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_changes_a_status_with_a_reason_and_the_history_shows_it() {
        navigate("subscribers/" + lost, SubscriberDetailsView.class);
        assertThat($(Div.class).withId("device-only-warning").all()).isEmpty();

        test($(Button.class).withId("change-status").single()).click();
        @SuppressWarnings("unchecked")
        Select<DataLossStatus> status = $(Select.class).withId("new-status").single();
        test(status).selectItem("Recovered");
        test($(Button.class).withId("save-status").single()).click();
        TextArea reason = $(TextArea.class).withId("change-reason").single();
        assertThat(reason.isInvalid()).as("a reason is required").isTrue();

        test(reason).setValue("Restored from the operator's backup");
        test($(Button.class).withId("save-status").single()).click();

        assertThat($(Span.class).withId("impact-status-" + incident).single().getText()).isEqualTo("Recovered");
        Grid<?> history = $(Grid.class).withId("status-history").single();
        assertThat(test(history).getCellText(0, 1)).isEqualTo("Lost");
        assertThat(test(history).getCellText(0, 2)).isEqualTo("Recovered");
        assertThat(test(history).getCellText(0, 4)).isEqualTo("Restored from the operator's backup");
    }

    @Test
    @WithUserDetails("agent")
    void enter_in_the_search_opens_the_single_match_and_the_way_back_keeps_the_filters() {
        openList();
        test($(Button.class).withId("count-LOST").single()).click();
        SubscriberListView list = $view(SubscriberListView.class).single();
        list.enterInSearch(lost.substring(5));
        assertThat($(Span.class).withId("subscriber-msisdn").single().getText()).isEqualTo(lost);

        RouterLink back = $(RouterLink.class).withId("back-to-list")
                .single();
        assertThat(back.getHref()).contains("incident=" + incident).contains("status=LOST")
                .contains("q=" + lost.substring(5));
        String href = back.getHref();
        UI.getCurrent().navigate(href.substring(0, href.indexOf('?')),
                QueryParameters.fromString(href.substring(href.indexOf('?') + 1)));
        @SuppressWarnings("unchecked")
        Grid<ImpactRow> grid = $(Grid.class).withId("subscriber-grid").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat($(Button.class).withId("count-LOST").single().getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_changes_one_subscriber_at_a_time_and_is_offered_no_bulk_change() {
        openList();
        assertThat($(Button.class).withId("bulk-change").all()).as("bulk changes are for incident managers")
                .isEmpty();
    }

    @Test
    @WithUserDetails("manager")
    void a_bulk_change_says_the_filter_in_words() {
        openList();
        test($(Button.class).withId("count-LOST").single()).click();
        test($(Button.class).withId("bulk-change").single()).click();
        assertThat($(Paragraph.class).withId("bulk-selection").single().getText())
                .isEqualTo("Selected: status Lost.");
    }

    @Test
    @WithUserDetails("manager")
    void a_bulk_change_above_the_limit_asks_the_user_to_type_the_count() {
        openList();
        // a limit of 0 stands for the default of 1,000: one subscriber is "more than the limit" here
        BulkStatusDialog dialog = new BulkStatusDialog(impacts, incident,
                ImpactFilter.all(), 0, () -> { });
        dialog.open();
        @SuppressWarnings("unchecked")
        Select<DataLossStatus> newStatus = $(Select.class).withId("bulk-new-status").single();
        test(newStatus).selectItem("Recovered");
        test($(TextArea.class).withId("bulk-reason").single()).setValue("Backup restored");
        Button confirm = $(Button.class).withId("bulk-confirm").single();
        TextField typed = $(TextField.class).withId("bulk-typed-count").single();
        assertThat(typed.isVisible()).isTrue();
        assertThat(typed.getLabel()).isEqualTo("Type 2 to confirm a change this large");
        assertThat(confirm.isEnabled()).isFalse();
        test(typed).setValue("1");
        assertThat(confirm.isEnabled()).as("the wrong count").isFalse();
        test(typed).setValue("2");
        assertThat(confirm.isEnabled()).isTrue();
    }

    @Test
    @WithUserDetails("manager")
    void a_bulk_change_shows_how_many_will_change_before_it_is_confirmed() {
        openList();
        test($(Button.class).withId("count-LOST").single()).click();
        test($(Button.class).withId("bulk-change").single()).click();
        @SuppressWarnings("unchecked")
        Select<DataLossStatus> newStatus = $(Select.class).withId("bulk-new-status").single();
        test(newStatus).selectItem("Recovered");
        assertThat($(Paragraph.class).withId("bulk-preview").single().getText()).startsWith("1 subscriber changes to");
        test($(TextArea.class).withId("bulk-reason").single()).setValue("Backup restored");
        test($(Button.class).withId("bulk-confirm").single()).click();

        assertThat(impacts.subscriber(lost).impacts().getFirst().status()).isEqualTo(DataLossStatus.RECOVERED);
        assertThat(impacts.subscriber(deviceOnly).impacts().getFirst().status())
                .isEqualTo(DataLossStatus.DEVICE_ONLY);
    }

    @Test
    @WithUserDetails("exec")
    void an_executive_reads_a_subscriber_but_is_offered_no_change() {
        openList();
        assertThat($(Button.class).withId("bulk-change").all()).as("no visible bulk change").isEmpty();
        navigate("subscribers/" + deviceOnly, SubscriberDetailsView.class);
        assertThat($(Div.class).withId("device-only-warning").all()).hasSize(1);
        assertThat($(Button.class).withId("change-status").all()).isEmpty();
        assertThat($(Button.class).withId("log-call").all()).isEmpty();
    }

    @Test
    @WithUserDetails("agent")
    void a_search_that_matches_nobody_says_what_to_do() {
        openList();
        test($(TextField.class).withId("subscriber-search").single()).setValue("nobody-by-this-name");
        assertThat(test($(Grid.class).withId("subscriber-grid").single()).size()).isZero();
        assertThat($(Paragraph.class).withId("subscriber-empty").single().getText()).contains("Clear a filter");
    }
}
