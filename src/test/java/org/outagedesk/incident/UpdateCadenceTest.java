package org.outagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestClock;
import org.outagedesk.base.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** The update cadence (issue 14): when the next public update is due, and the overdue reminders, on a fixed clock. */
@IntegrationTest
@RecordApplicationEvents
class UpdateCadenceTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    IncidentService incidents;
    @Autowired
    TimelineService timeline;
    @Autowired
    UpdateOverdueWatcher watcher;
    @Autowired
    ApplicationEvents events;

    /** Minutes, so that times survive the database's microseconds and the JSON round trip unchanged. */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    private Incident incident(Severity severity, Duration startedAgo) {
        return SystemActor.call(() -> incidents.create(new NewIncident("Cadence test " + UUID.randomUUID(),
                "for a test", severity, List.of("web"), "America/Los_Angeles", clock.instant().minus(startedAgo))));
    }

    private void entry(long incidentId, Visibility visibility, Instant at) {
        SystemActor.run(() -> timeline.add(incidentId, new TimelineEntryDraft(TimelineEntryType.CUSTOMER_NOTICE, at,
                visibility, false, "Cadence test entry " + UUID.randomUUID())));
    }

    private JsonNode get(long id) {
        Api.Response r = Api.as(port, "agent").get("/api/incidents/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void a_sev1_incident_is_due_an_hour_after_its_newest_public_update_and_the_api_says_when_it_is_late() {
        clock.fixAt(now);
        Incident sev1 = incident(Severity.SEV1, Duration.ofMinutes(48));

        JsonNode fresh = get(sev1.getId());
        assertThat(Instant.parse(fresh.get("nextUpdateDueAt").asString())).isEqualTo(now.plus(Duration.ofMinutes(12)));
        assertThat(fresh.get("updateOverdue").asBoolean()).isFalse();

        clock.advance(Duration.ofMinutes(32));
        assertThat(get(sev1.getId()).get("updateOverdue").asBoolean()).isTrue();

        entry(sev1.getId(), Visibility.INTERNAL, clock.instant());
        assertThat(get(sev1.getId()).get("updateOverdue").asBoolean()).as("an internal entry is no public update")
                .isTrue();

        entry(sev1.getId(), Visibility.PUBLIC, clock.instant().minus(Duration.ofMinutes(5)));
        JsonNode updated = get(sev1.getId());
        assertThat(Instant.parse(updated.get("nextUpdateDueAt").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(55)));
        assertThat(updated.get("updateOverdue").asBoolean()).isFalse();
    }

    @Test
    void each_severity_has_its_own_cadence_and_a_resolved_incident_owes_nothing() {
        clock.fixAt(now);
        Incident sev2 = incident(Severity.SEV2, Duration.ZERO);
        Incident sev3 = incident(Severity.SEV3, Duration.ZERO);
        assertThat(SystemActor.call(() -> incidents.updateDue(sev2.getId())).dueAt())
                .isEqualTo(now.plus(Duration.ofHours(4)));
        assertThat(SystemActor.call(() -> incidents.updateDue(sev3.getId())).dueAt())
                .isEqualTo(now.plus(Duration.ofDays(1)));

        SystemActor.run(() -> incidents.changeStatus(sev2.getId(), IncidentStatus.RESOLVED, "fixed", null));
        JsonNode resolved = get(sev2.getId());
        assertThat(resolved.get("nextUpdateDueAt").isNull()).isTrue();
        assertThat(resolved.get("updateOverdue").isNull()).isTrue();
    }

    @Test
    void a_public_entry_dated_in_the_future_counts_only_once_it_has_happened() {
        clock.fixAt(now);
        Incident sev1 = incident(Severity.SEV1, Duration.ofMinutes(30));
        entry(sev1.getId(), Visibility.PUBLIC, now.plus(Duration.ofHours(6)));

        assertThat(SystemActor.call(() -> incidents.updateDue(sev1.getId())).dueAt())
                .isEqualTo(now.plus(Duration.ofMinutes(30)));
    }

    private List<UpdateOverdue> published(long incidentId) {
        return events.stream(UpdateOverdue.class).filter(e -> e.incidentId() == incidentId).toList();
    }

    @Test
    void update_overdue_is_published_once_when_it_becomes_late_and_once_per_period_while_it_stays_late() {
        clock.fixAt(now);
        Incident sev1 = incident(Severity.SEV1, Duration.ofMinutes(10));
        Instant due = now.plus(Duration.ofMinutes(50));

        watcher.check(due.minusSeconds(1));
        assertThat(published(sev1.getId())).isEmpty();

        watcher.check(due);
        watcher.check(due.plus(Duration.ofMinutes(20)));
        watcher.check(due.plus(Duration.ofMinutes(59)));
        assertThat(published(sev1.getId())).singleElement().satisfies(e -> {
            assertThat(e.reminder()).isZero();
            assertThat(e.dueAt()).isEqualTo(due);
            assertThat(e.severity()).isEqualTo(Severity.SEV1);
        });

        watcher.check(due.plus(Duration.ofMinutes(60)));
        watcher.check(due.plus(Duration.ofMinutes(61)));
        assertThat(published(sev1.getId())).extracting(UpdateOverdue::reminder).containsExactly(0L, 1L);
        assertThat(published(sev1.getId())).extracting(UpdateOverdue::eventKey).doesNotHaveDuplicates();

        // a public update starts a new period: nothing until it runs out again
        clock.fixAt(due.plus(Duration.ofMinutes(65)));
        entry(sev1.getId(), Visibility.PUBLIC, clock.instant());
        watcher.check(due.plus(Duration.ofMinutes(70)));
        assertThat(published(sev1.getId())).hasSize(2);
        watcher.check(due.plus(Duration.ofMinutes(125)));
        assertThat(published(sev1.getId())).hasSize(3).last()
                .satisfies(e -> assertThat(e.dueAt()).isEqualTo(due.plus(Duration.ofMinutes(125))));

        SystemActor.run(() -> incidents.changeStatus(sev1.getId(), IncidentStatus.RESOLVED, "fixed", null));
        watcher.check(due.plus(Duration.ofHours(10)));
        assertThat(published(sev1.getId())).as("a resolved incident is owed nothing").hasSize(3);
    }
}
