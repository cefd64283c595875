package org.outagedesk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outagedesk.Waits.waitUpTo;
import static org.outagedesk.impact.ImpactTestSupport.HEADER;
import static org.outagedesk.impact.ImpactTestSupport.row;
import static org.outagedesk.impact.ImpactTestSupport.uniqueMsisdn;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.SampleIncident;
import org.outagedesk.incident.TimelineEntryType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class ImpactServiceTest {

    @Autowired
    ImpactService impacts;
    @Autowired
    IncidentService incidents;
    @Autowired
    ApplicationEvents events;
    @Autowired
    JdbcTemplate jdbc;

    long incident;
    String a;
    String b;

    @BeforeEach
    void ownIncident() {
        incident = ImpactTestSupport.newIncident(incidents, "Service test");
        a = uniqueMsisdn();
        b = uniqueMsisdn();
        ImportResult result = SystemActor.call(() -> impacts.importCsv(incident, stream(HEADER
                + row(a, "SK-S3-BLA", "D-NY-UWS-01", "DEVICE_ONLY", "CONTACTS")
                + row(b, "SK-S3-PIN", "D-NY-UWS-02", "UNKNOWN", "")), -1, "t.csv", ImportMode.ALL_OR_NOTHING));
        assertThat(result.imported()).isEqualTo(2);
    }

    @Test
    @WithUserDetails("manager")
    void a_bulk_recovery_puts_one_data_recovery_entry_on_the_timeline() {
        ImpactFilter filter = new ImpactFilter(EnumSet.of(DataLossStatus.DEVICE_ONLY, DataLossStatus.UNKNOWN), null,
                null, "New York Metro", null, null, null);
        long count = impacts.previewBulkChange(incident, filter, DataLossStatus.RECOVERED);

        int changed = impacts.bulkChangeStatus(incident, filter, DataLossStatus.RECOVERED,
                "Operator restored the backup", count);

        assertThat(changed).isEqualTo(2);
        assertThat(events.stream(ResponseActionTaken.class).filter(e -> e.incidentId() == incident))
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo(TimelineEntryType.DATA_RECOVERY);
                    assertThat(e.text()).contains("2 subscribers", "set to Recovered", "Operator restored the backup");
                    assertThat(e.actor()).isEqualTo("manager");
                });
        assertThat(impacts.counts(incident, ImpactFilter.all()).byStatus().get(DataLossStatus.RECOVERED))
                .isEqualTo(2);
    }

    @Test
    @WithUserDetails("manager")
    void a_bulk_change_to_lost_puts_one_note_on_the_timeline_not_an_incident_status_change() {
        ImpactFilter filter = new ImpactFilter(EnumSet.of(DataLossStatus.UNKNOWN), null, null, null, null, null, null);
        long count = impacts.previewBulkChange(incident, filter, DataLossStatus.LOST);
        impacts.bulkChangeStatus(incident, filter, DataLossStatus.LOST, "No backup left", count);
        assertThat(events.stream(ResponseActionTaken.class).filter(e -> e.incidentId() == incident))
                .singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(TimelineEntryType.NOTE));
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_may_not_change_statuses_in_bulk() {
        Assertions.assertThatThrownBy(() -> impacts.previewBulkChange(incident,
                ImpactFilter.all(), DataLossStatus.LOST))
                .isInstanceOf(AccessDeniedException.class);
        Assertions.assertThatThrownBy(() -> impacts.bulkChangeStatus(incident,
                ImpactFilter.all(), DataLossStatus.LOST, "Backups gone", 2))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("manager")
    void a_bulk_change_is_refused_with_the_new_count_when_the_selection_changed() {
        ImpactFilter filter = ImpactFilter.all();
        long seen = impacts.previewBulkChange(incident, filter, DataLossStatus.LOST);
        impacts.changeStatus(incident, a, DataLossStatus.LOST, null, "Customer confirmed the phone was reset");

        assertThatThrownBy(() -> impacts.bulkChangeStatus(incident, filter, DataLossStatus.LOST, "Backups gone",
                seen)).isInstanceOfSatisfying(BulkCountChangedException.class,
                        e -> assertThat(e.currentCount()).isEqualTo(seen - 1));
        assertThat(impacts.subscriber(b).impacts().getFirst().status()).isEqualTo(DataLossStatus.UNKNOWN);
        assertThat(events.stream(ResponseActionTaken.class).filter(e -> e.incidentId() == incident)).isEmpty();
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_logs_a_call_and_the_subscriber_counts_as_contacted() {
        impacts.logContact(incident, a, "Advised not to reset the device or remove the battery");

        SubscriberDetails details = impacts.subscriber(a);
        assertThat(details.impacts().getFirst().contacts()).singleElement().satisfies(c -> {
            assertThat(c.agent()).isEqualTo("agent");
            assertThat(c.note()).contains("not to reset");
        });
        assertThat(details.impacts().getFirst().lastContactedAt()).isNotNull();
        ImpactFilter contacted = new ImpactFilter(null, null, null, null, null, true, null);
        assertThat(impacts.count(incident, contacted)).isEqualTo(1);
        assertThatThrownBy(() -> impacts.logContact(incident, a, "  ")).isInstanceOf(DomainException.class);
    }

    @Test
    @WithUserDetails("exec")
    void an_executive_reads_but_cannot_change_or_log_calls() {
        assertThat(impacts.subscriber(a).impacts()).hasSize(1);
        assertThatThrownBy(() -> impacts.changeStatus(incident, a, DataLossStatus.LOST, null, "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> impacts.logContact(incident, a, "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("store")
    void a_store_manager_cannot_read_subscribers() {
        assertThatThrownBy(() -> impacts.subscriber(a)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> impacts.counts(incident, ImpactFilter.all()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("manager")
    void a_background_import_reports_progress_and_its_result() throws Exception {
        Path file = Files.createTempFile("impacts", ".csv");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3_000; i++) {
            csv.append(row(uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-03", "LOST", "PHOTOS"));
        }
        Files.writeString(file, csv);

        ImportJobStatus started = impacts.startImport(incident, file, "big.csv", ImportMode.ALL_OR_NOTHING);
        assertThat(started.fileName()).isEqualTo("big.csv");
        ImportJobStatus status = waitUpTo(Duration.ofSeconds(60), Duration.ofMillis(100), "the import ends")
                .until(() -> impacts.latestImport(incident).orElseThrow(), s -> !s.running());

        assertThat(status.phase()).isEqualTo(ImportJobStatus.Phase.DONE);
        assertThat(status.result().imported()).isEqualTo(3_000);
        assertThat(status.rowsRead()).isEqualTo(3_000);
        assertThat(Files.exists(file)).isFalse();
        assertThat(impacts.count(incident, ImpactFilter.all())).isEqualTo(3_002);
    }

    @Test
    @WithUserDetails("manager")
    void an_import_on_another_node_blocks_a_second_until_that_node_stops_renewing_it() throws Exception {
        String other = UUID.randomUUID().toString();
        jdbc.update("insert into import_job (id, incident_id, running_incident_id, file_name, started_by, started_at,"
                + " phase, progress, rows_read, job_owner, heartbeat_at) values (?, ?, ?, 'elsewhere.csv', 'manager2',"
                + " ?, 'MERGING', 1, 500, 'node-elsewhere', ?)", other, incident, incident,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        ImportJobStatus running = impacts.latestImport(incident).orElseThrow();
        assertThat(running.id()).isEqualTo(other);
        assertThat(running.running()).isTrue();
        String one = HEADER + row(uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-03", "LOST", "PHOTOS");
        assertThatThrownBy(() -> impacts.importCsv(incident, stream(one), -1, "mine.csv", ImportMode.ALL_OR_NOTHING))
                .hasMessage("manager2 is importing elsewhere.csv into this incident; wait until it is done");

        // that node died: its heartbeat is older than the lease (1 min)
        jdbc.update("update import_job set heartbeat_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(120)), other);
        ImportJobStatus dead = impacts.latestImport(incident).orElseThrow();
        assertThat(dead.phase()).isEqualTo(ImportJobStatus.Phase.FAILED);
        assertThat(dead.failure()).startsWith("The node running this import stopped before it finished");
        ImportResult mine = impacts.importCsv(incident, stream(one), -1, "mine.csv", ImportMode.ALL_OR_NOTHING);
        assertThat(mine.imported()).isEqualTo(1);
        ImportJobStatus last = impacts.latestImport(incident).orElseThrow();
        assertThat(last.fileName()).isEqualTo("mine.csv");
        assertThat(last.result()).isEqualTo(mine);
        assertThat(jdbc.queryForObject("select phase from import_job where id = ?", String.class, other))
                .isEqualTo("FAILED");
    }

    @Test
    @WithUserDetails("manager")
    void affected_subscribers_are_walked_in_id_order_window_by_window_whatever_the_filter_leaves() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int k = 0; k < 9; k++) {
            csv.append(row(uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-03", k % 3 == 0 ? "UNKNOWN" : "LOST", "PHOTOS"));
        }
        assertThat(impacts.importCsv(incident, stream(csv.toString()), -1, "walk.csv", ImportMode.ALL_OR_NOTHING)
                .imported()).isEqualTo(9);
        ImpactFilter lost = new ImpactFilter(EnumSet.of(DataLossStatus.LOST), null, null, null, null, null, null);
        List<String> truth = jdbc.queryForList("select s.msisdn from impact i join subscriber s on s.id ="
                + " i.subscriber_id where i.incident_id = ? and i.status = 'LOST' order by i.subscriber_id",
                String.class, incident);
        assertThat(truth).hasSize(6);
        // batches of 2: windows of 2 impacts hold 0, 1 or 2 of them, so a batch takes one window or more
        List<String> walked = new ArrayList<>();
        long cursor = 0;
        for (List<AffectedSubscriber> batch = impacts.affectedAfter(incident, lost, cursor, 2); !batch.isEmpty();
                batch = impacts.affectedAfter(incident, lost, cursor, 2)) {
            assertThat(batch).hasSizeLessThanOrEqualTo(2);
            batch.forEach(a -> walked.add(a.msisdn()));
            cursor = batch.getLast().subscriberId();
        }
        assertThat(walked).isEqualTo(truth);
        assertThat(impacts.affectedAfter(incident, lost, 0, 5000)).extracting(AffectedSubscriber::msisdn)
                .isEqualTo(truth);
    }

    @Test
    void a_deep_page_sorted_by_name_is_the_page_the_subscribers_table_gives() {
        long sample = SystemActor.call(() -> SampleIncident.find(incidents).getId());
        String region = jdbc.queryForObject("select s.region from impact i join subscriber s on s.id = i.subscriber_id"
                + " where i.incident_id = ? and i.status = 'LOST' group by s.region order by count(*) desc,"
                + " s.region fetch first 1 rows only", String.class, sample);
        // the truth, from the subscriber table itself rather than the impact's copies
        List<String> expected = jdbc.queryForList("select s.msisdn from impact i join subscriber s"
                + " on s.id = i.subscriber_id where i.incident_id = ? and i.status = 'LOST' and s.region = ?"
                + " order by s.name, i.subscriber_id offset 40 rows fetch next 20 rows only", String.class, sample,
                region);
        ImpactFilter filter = new ImpactFilter(EnumSet.of(DataLossStatus.LOST), null, null, region, null, null,
                null);
        Page<ImpactRow> page = SystemActor.call(() -> impacts.find(sample, filter,
                PageRequest.of(2, 20,
                        Sort.by("name"))));
        assertThat(expected).hasSize(20);
        assertThat(page.getContent()).extracting(ImpactRow::msisdn).containsExactlyElementsOf(expected);
        assertThat(page.getContent()).allSatisfy(r -> assertThat(r.region()).isEqualTo(region));
        assertThat(page.getTotalElements()).isEqualTo(jdbc.queryForObject("select count(*) from impact i"
                + " join subscriber s on s.id = i.subscriber_id where i.incident_id = ? and i.status = 'LOST'"
                + " and s.region = ?", Long.class, sample, region));
    }

    @Test
    void a_subscriber_moved_by_an_import_is_listed_under_the_new_region_and_name_in_every_incident() {
        long other = ImpactTestSupport.newIncident(incidents, "Service test, second incident");
        String moved = row(a, "SK-S3-WHI", "C-WA-SEA-01", "LOST", "PHOTOS").replace("Test Person", "Renamed Person");
        assertThat(SystemActor.call(() -> impacts.importCsv(other, stream(HEADER + moved), -1, "move.csv",
                ImportMode.ALL_OR_NOTHING)).applied()).isTrue();

        for (long in : new long[] {incident, other}) {
            ImpactFilter bySeattle = new ImpactFilter(null, null, "SK-S3-WHI", "Pacific Northwest", "C-WA-SEA-01",
                    null, null);
            assertThat(SystemActor.call(() -> impacts.find(in, bySeattle,
                    PageRequest.of(0, 10,
                            Sort.by("name")))).getContent())
                    .singleElement().satisfies(r -> {
                        assertThat(r.msisdn()).isEqualTo(a);
                        assertThat(r.name()).startsWith("Renamed Person");
                    });
        }
        assertThat(SystemActor.call(() -> impacts.countsByRegion(incident)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("New York Metro", 1L, "Pacific Northwest", 1L));
        assertThat(SystemActor.call(() -> impacts.countsBySku(incident)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("SK-S3-PIN", 1L, "SK-S3-WHI", 1L));
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
