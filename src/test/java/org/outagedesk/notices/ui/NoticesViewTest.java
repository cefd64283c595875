package org.outagedesk.notices.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outagedesk.notices.NoticeTestSupport.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.RowLock;
import org.outagedesk.TestDatabase;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.SampleIncident;
import org.outagedesk.notices.NoticeDetails;
import org.outagedesk.notices.NoticePreview;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class NoticesViewTest extends SpringBrowserlessTest {

    static final String SAMPLE_NOTICE = "2009 Sidekick data loss: what it means for you";

    @Autowired
    NoticeService notices;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_notices_counts_read_as_figures_in_the_order_of_a_messages_life() {
        assertThat(NoticesView.counts(Map.of("FAILED", 4_840L, "DELIVERED", 95_160L, "QUEUED", 0L)))
                .isEqualTo("95,160 delivered, 4,840 failed");
        assertThat(NoticesView.counts(Map.of())).isEqualTo("No messages yet");
    }

    @Test
    @WithUserDetails("manager")
    @SuppressWarnings("unchecked")
    void an_incident_manager_sees_the_2009_draft_and_its_preview_counts_equal_the_services() {
        navigate(NoticesView.class);
        Incident sample = SampleIncident.find(incidents);
        ComboBox<Incident> incident = $(ComboBox.class).first();
        incident.setValue(incident.getListDataView().getItems().filter(i -> i.getId().equals(sample.getId()))
                .findFirst().orElseThrow());
        Grid<NoticeDetails> grid = $(Grid.class).first();
        int row = -1;
        for (int k = 0; k < test(grid).size(); k++) {
            if (test(grid).getRow(k).name().equals(SAMPLE_NOTICE)) {
                row = k;
            }
        }
        assertThat(row).as("the sample 2009 notice is listed").isNotNegative();
        assertThat(test(grid).getCellText(row, 1)).isEqualTo("Draft");
        NoticeDetails draft = test(grid).getRow(row);
        test(grid).clickRow(row);

        test($(Button.class).withId("notice-preview").single()).click();
        NoticePreview expected = notices.preview(draft.id());
        assertThat(expected.recipients()).isPositive();
        String shown = $(Paragraph.class).all().stream().map(Paragraph::getText)
                .filter(t -> t.endsWith(" subscribers.") || t.contains(" subscribers. Would go:")).findFirst()
                .orElseThrow();
        // figures as a person reads them: "11,597 subscribers" (the sample's are in the thousands)
        assertThat(shown).startsWith(figure(expected.recipients()) + " subscribers. Would go: ");
        Long texts = expected.byChannel().get("SMS");
        assertThat(texts).isNotNull();
        assertThat(shown).contains(figure(texts) + " text(s)");
        Long mails = expected.byChannel().get("EMAIL");
        if (mails != null) {
            assertThat(shown).contains(figure(mails) + " e-mail(s)");
        }
        expected.skipped().forEach((why, n) -> assertThat(shown).contains(figure(n) + " " + why));
    }

    /** The route is refused (the refusal page, or not found for a role that may not know it exists). */
    private void refused() {
        assertThatThrownBy(() -> navigate(NoticesView.class)).message()
                .containsAnyOf("PageRefusedView", "RouteNotFoundError");
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_cannot_open_the_notices() {
        refused();
    }

    @Test
    @WithUserDetails("exec")
    void an_executive_cannot_open_the_notices() {
        refused();
    }

    @Test
    @WithUserDetails("store")
    void a_store_manager_cannot_open_the_notices() {
        refused();
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_sees_the_notice_sent_to_the_subscriber_with_its_status_in_words_and_the_zone_named() {
        long incident = NoticeTestSupport.newIncident(incidents);
        String msisdn = NoticeTestSupport.subscribers(impacts, incident, 1).getFirst();
        NoticeDetails notice = NoticeTestSupport.smsDraft(notices, incident, "Section test notice");
        long subscriberId = impacts.subscriberId(msisdn);
        Instant sent = Instant.parse("2009-10-14T17:02:00Z");
        jdbc.update("insert into outbox_message (id, kind, event_key, recipient_key, channel, subscriber_id, address,"
                + " body, sms_parts, status, attempts, not_before, queued_at, sent_at, done_at) values"
                + " (" + TestDatabase.nextValue("outbox_message_seq")
                + ", 'NOTICE', ?, ?, 'SMS', ?, ?, 'Hello', 1, 'DELIVERED', 1, ?, ?,"
                + " ?, ?)", "NOTICE:" + notice.id(), Long.toString(subscriberId), subscriberId, msisdn,
                Timestamp.from(sent), Timestamp.from(sent), Timestamp.from(sent), Timestamp.from(sent.plusSeconds(4)));

        UI.getCurrent().navigate("subscribers/" + msisdn);
        Grid<?> grid = $(Grid.class).withId("subscriber-notices").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Section test notice");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("Delivered");
        // the viewer's zone, named (a browserless UI reports no browser zone: UTC), not the server's
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("Oct 14, 2009, 5:02 PM UTC");
    }

    @Test
    @WithUserDetails("manager")
    @SuppressWarnings("unchecked")
    void the_list_shows_delivered_and_failed_with_thousands_separators() {
        long incident = NoticeTestSupport.newIncident(incidents);
        NoticeDetails notice = NoticeTestSupport.smsDraft(notices, incident, "Figures test notice");
        // the list's "Failed" counts the expired ones too
        NoticeTestSupport.messages(jdbc, notice.id(), "DELIVERED", 1_234);
        NoticeTestSupport.messages(jdbc, notice.id(), "FAILED", 1_001);
        NoticeTestSupport.messages(jdbc, notice.id(), "EXPIRED", 2);

        Grid<NoticeDetails> grid = gridOf(incident);
        assertThat(test(grid).getRow(0).name()).isEqualTo("Figures test notice");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("1,234");
        assertThat(test(grid).getCellText(0, 5)).isEqualTo("1,003");
    }

    @Test
    @WithUserDetails("manager")
    @SuppressWarnings("unchecked")
    void resending_says_how_many_go_again_and_leaves_those_in_doubt_unless_the_manager_ticks_them()
            throws Exception {
        long incident = NoticeTestSupport.newIncident(incidents);
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 2);
        NoticeDetails notice = NoticeTestSupport.smsDraft(notices, incident, "Resend test notice");
        Instant at = Instant.now().minusSeconds(600);
        jdbc.update("update customer_notice set status = 'COMPLETED', enqueued_at = ?, finished_at = ? where id = ?",
                Timestamp.from(at), Timestamp.from(at), notice.id());
        String[] errors = {"The SMSC reports UNDELIV (error 001)", "In doubt: no answer from the SMSC within 10 s"};
        for (int k = 0; k < 2; k++) {
            long subscriberId = impacts.subscriberId(numbers.get(k));
            jdbc.update("insert into outbox_message (id, kind, event_key, recipient_key, channel, subscriber_id,"
                    + " address, body, sms_parts, status, attempts, not_before, queued_at, done_at, last_error)"
                    + " values (" + TestDatabase.nextValue("outbox_message_seq") + ", 'NOTICE', ?, ?, 'SMS', ?, ?,"
                    + " 'Hello', 1, 'FAILED', 1, ?, ?, ?, ?)", "NOTICE:" + notice.id(), Long.toString(subscriberId),
                    subscriberId, numbers.get(k), Timestamp.from(at), Timestamp.from(at), Timestamp.from(at),
                    errors[k]);
        }

        Grid<NoticeDetails> grid = gridOf(incident);
        test(grid).clickRow(0);
        assertThat(test(grid).getRow(0).name()).isEqualTo("Resend test notice");
        test($(Button.class).withId("notice-resend").single()).click();

        Dialog dialog = $(Dialog.class).withId("notice-resend-confirm").single();
        assertThat($(Paragraph.class, dialog).all().stream().map(Paragraph::getText))
                .contains("1 message that failed or expired will be sent again.");
        Checkbox inDoubt = $(Checkbox.class, dialog).withId("notice-resend-in-doubt").single();
        assertThat(inDoubt.isVisible()).isTrue();
        assertThat(inDoubt.getLabel()).startsWith("Also the 1 message in doubt").contains("twice");
        assertThat(inDoubt.getValue()).as("not resent unless ticked").isFalse();
        // the failed text locked for a while: the background cannot queue it again yet, and the screen says so
        long failedText = jdbc.queryForObject("select id from outbox_message where event_key = ? and last_error = ?",
                Long.class, "NOTICE:" + notice.id(), errors[0]);
        try (RowLock lock = RowLock.of(transactions, jdbc, "outbox_message", failedText)) {
            test($(Button.class, dialog).withId("notice-resend-ok").single()).click();
            assertThat($(Span.class).id("notice-resending").getText()).isEqualTo("The failed messages are being"
                    + " queued again; they are sent as they are queued.");
        }

        // queued again in the background: until then the notice says so
        NoticeTestSupport.await(Duration.ofSeconds(30), "the failed one queued again", () -> !notices.get(
                notice.id()).resending());
        List<String> failed = jdbc.queryForList("select last_error from outbox_message where event_key = ? and status"
                + " = 'FAILED'", String.class, "NOTICE:" + notice.id());
        assertThat(failed).as("the one in doubt is left as it is").containsExactly(errors[1]);
        assertThat(jdbc.queryForList("select summary from audit_entry where action = 'NOTICE_RESENT' and entity_id ="
                + " ?", String.class, Long.toString(notice.id()))).containsExactly("Resend test notice: 1 failed"
                        + " message to send again; 1 message in doubt left as it is");
        assertThat(notices.get(notice.id()).inDoubt()).isEqualTo(1);
    }

    /** Pause and resume at a click; cancel only after a confirmation that says what will not be sent. */
    @Test
    @WithUserDetails("manager")
    @SuppressWarnings("unchecked")
    void a_manager_pauses_resumes_and_after_confirming_cancels_a_notice_that_is_sending() throws Exception {
        long incident = NoticeTestSupport.newIncident(incidents);
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 1);
        NoticeDetails notice = NoticeTestSupport.smsDraft(notices, incident, "Pause test notice");
        // sending, all queued, its one text due in 2100: it stays sending while the test runs
        Instant at = Instant.now().minusSeconds(600);
        jdbc.update("update customer_notice set status = 'SENDING', enqueued_at = ? where id = ?", Timestamp.from(at),
                notice.id());
        NoticeTestSupport.message(jdbc, impacts, notice.id(), numbers.getFirst(), "QUEUED", null);
        String event = "NOTICE:" + notice.id();

        Grid<NoticeDetails> grid = gridOf(incident);
        test(grid).clickRow(0);
        assertThat(test(grid).getRow(0).name()).isEqualTo("Pause test notice");

        test($(Button.class).withId("notice-pause").single()).click();
        assertThat(notices.get(notice.id()).status().name()).isEqualTo("PAUSED");
        assertThat(jdbc.queryForList("select event_key from outbox_paused", String.class)).contains(event);
        assertThat($(Button.class).withId("notice-pause").all()).isEmpty();

        test($(Button.class).withId("notice-resume").single()).click();
        assertThat(notices.get(notice.id()).status().name()).isEqualTo("SENDING");
        assertThat(jdbc.queryForList("select event_key from outbox_paused", String.class)).doesNotContain(event);

        test($(Button.class).withId("notice-cancel").single()).click();
        assertThat(notices.get(notice.id()).status().name()).as("not before confirming").isEqualTo("SENDING");
        ConfirmDialog confirm = $(ConfirmDialog.class).id("notice-cancel-confirm");
        assertThat(confirm.getElement().getProperty("message")).startsWith("1 message still queued will not be sent");
        // the queued text locked for a while: the background cannot mark it skipped yet
        long text = jdbc.queryForObject("select id from outbox_message where event_key = ?", Long.class, event);
        try (RowLock lock = RowLock.of(transactions, jdbc, "outbox_message", text)) {
            test(confirm).confirm();
            assertThat(notices.get(notice.id()).status().name()).isEqualTo("CANCELLED");
            assertThat($(Span.class).id("notice-skipping").getText()).isEqualTo("Cancelled: nothing more is sent; the"
                    + " 1 message still queued is being marked skipped.");
        }
        await(Duration.ofSeconds(30), "the queued text is skipped", () -> "cancelled".equals(jdbc.queryForObject(
                "select skip_reason from outbox_message where event_key = ?", String.class, event)));
        // the screen's next look (every two seconds) shows it
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertThat($(Span.class).withId("notice-skipping").all()).isEmpty();
        assertThat($(Span.class).id("notice-figures").getText()).startsWith("1 skipped");
    }

    /** While a notice sends, each poll brings its row in the list up to date, not only its details. */
    @Test
    @WithUserDetails("manager")
    @SuppressWarnings("unchecked")
    void the_chosen_notices_row_follows_its_figures_while_it_sends() {
        long incident = NoticeTestSupport.newIncident(incidents);
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 2);
        NoticeDetails notice = NoticeTestSupport.smsDraft(notices, incident, "Row test notice");
        jdbc.update("update customer_notice set status = 'SENDING', enqueued_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(600)), notice.id());
        for (String n : numbers) {
            // due in 2100: the dispatcher leaves them alone while the test runs
            NoticeTestSupport.message(jdbc, impacts, notice.id(), n, "QUEUED", null);
        }
        Grid<NoticeDetails> grid = gridOf(incident);
        test(grid).clickRow(0);
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("0 %");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("0");

        jdbc.update("update outbox_message set status = 'DELIVERED' where event_key = ? and address = ?",
                "NOTICE:" + notice.id(), numbers.getFirst());
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("50 %");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("1");
        assertThat($(Span.class).id("notice-figures").getText()).startsWith("1 queued, 1 delivered");
        assertThat(grid.asSingleSelect().getValue().id()).as("still chosen").isEqualTo(notice.id());
    }

    /** The Notices screen on this incident: its list of notices. */
    @SuppressWarnings("unchecked")
    private Grid<NoticeDetails> gridOf(long incident) {
        navigate(NoticesView.class);
        ComboBox<Incident> choice = $(ComboBox.class).first();
        choice.setValue(choice.getListDataView().getItems().filter(i -> i.getId() == incident).findFirst()
                .orElseThrow());
        return $(Grid.class).first();
    }

    private static String figure(long n) {
        return String.format(Locale.US, "%,d", n);
    }
}
