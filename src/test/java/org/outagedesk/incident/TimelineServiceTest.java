package org.outagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@WithMockUser(username = "manager", roles = "INCIDENT_MANAGER")
class TimelineServiceTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    IncidentService incidents;
    @Autowired
    TimelineService timeline;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    private Incident newIncident() {
        return incidents.create(new NewIncident("Test outage " + UUID.randomUUID(), "for a test", Severity.SEV3,
                List.of("web"), "Europe/Berlin", clock.instant().minus(Duration.ofHours(5))));
    }

    private List<TimelineEntry> entriesOf(long incidentId) {
        return timeline.find(incidentId, TimelineFilter.ALL, Pageable.ofSize(500)).getContent();
    }

    private TimelineEntryDraft note(String text) {
        return new TimelineEntryDraft(TimelineEntryType.NOTE, clock.instant().minus(Duration.ofHours(1)),
                Visibility.INTERNAL, false, text);
    }

    @Test
    void the_sample_timeline_tells_the_october_2009_story_in_pacific_time() {
        Incident sample = incidents.findAll().stream()
                .filter(i -> IncidentSampleData.TITLE.equals(i.getTitle())).findFirst().orElseThrow();
        List<TimelineEntry> entries = entriesOf(sample.getId());

        TimelineEntry retail = entries.stream().filter(e -> e.getType() == TimelineEntryType.RETAIL_INSTRUCTION)
                .filter(e -> e.getText().contains("retail sales managers")).findFirst().orElseThrow();
        assertThat(retail.getOccurredAt().atZone(PACIFIC).toLocalDate()).hasToString("2009-10-10");
        assertThat(retail.getText()).contains("do NOT reset", "battery", "support forums");

        TimelineEntry guidance = entries.stream().filter(e -> e.getText().equals(TimelineSampleData.GUIDANCE))
                .findFirst().orElseThrow();
        assertThat(guidance.getVisibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(guidance.isPinned()).isTrue();

        assertThat(entries).extracting(TimelineEntry::getVisibility).contains(Visibility.PUBLIC, Visibility.INTERNAL);
        assertThat(entries).filteredOn(e -> e.getType() == TimelineEntryType.STOP_SALE)
                .anySatisfy(e -> assertThat(e.getOccurredAt()).isEqualTo(
                        LocalDateTime.of(2009, 10, 12, 12, 30).atZone(PACIFIC).toInstant()));
        assertThat(entries).filteredOn(e -> e.getType() == TimelineEntryType.STATUS_CHANGE).hasSizeGreaterThan(1);
        assertThat(sample.timeToDetect()).isEqualTo(Duration.ofHours(3).plusMinutes(15));
    }

    @Test
    void every_status_change_writes_its_own_timeline_entry_and_lifecycle_time() {
        Incident incident = newIncident();
        Instant fixed = clock.instant().minus(Duration.ofHours(2));

        incidents.changeStatus(incident.getId(), IncidentStatus.IDENTIFIED, "bad router", null);
        Incident monitoring = incidents.changeStatus(incident.getId(), IncidentStatus.MONITORING, null, fixed);

        assertThat(monitoring.getStatus()).isEqualTo(IncidentStatus.MONITORING);
        assertThat(monitoring.getMitigatedAt()).isEqualTo(fixed);
        assertThat(monitoring.getAcknowledgedAt()).isNotNull();
        List<TimelineEntry> changes = timeline.find(incident.getId(),
                new TimelineFilter(TimelineEntryType.STATUS_CHANGE, null), Pageable.ofSize(10)).getContent();
        assertThat(changes).extracting(TimelineEntry::getText).containsExactlyInAnyOrder(
                "Status Investigating → Cause identified. bad router",
                "Status Cause identified → Fix in place, monitoring");
        assertThat(changes).allSatisfy(e -> assertThat(e.getAuthor()).isEqualTo("manager"));

        Incident resolved = incidents.changeStatus(incident.getId(), IncidentStatus.RESOLVED, null, null);
        assertThat(resolved.timeToResolve()).isPositive();
    }

    @Test
    void an_impossible_status_change_is_refused_naming_the_allowed_ones_and_writes_nothing() {
        Incident incident = newIncident();

        assertThatThrownBy(() -> incidents.changeStatus(incident.getId(), IncidentStatus.INVESTIGATING, null, null))
                .isInstanceOf(DomainException.class)
                .hasMessage("An incident that is \"Investigating\" cannot become \"Investigating\"; it can become"
                        + " \"Cause identified\", \"Fix in place, monitoring\" or \"Resolved\""); // words, not codes

        assertThat(entriesOf(incident.getId())).isEmpty();
        assertThat(incidents.get(incident.getId()).getStatus()).isEqualTo(IncidentStatus.INVESTIGATING);
    }

    @Test
    void reopening_a_resolved_incident_needs_a_reason_and_clears_the_resolution() {
        Incident incident = newIncident();
        incidents.changeStatus(incident.getId(), IncidentStatus.RESOLVED, "false alarm", null);

        assertThatThrownBy(() -> incidents.changeStatus(incident.getId(), IncidentStatus.INVESTIGATING, " ", null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("note"));

        Incident reopened = incidents.changeStatus(incident.getId(), IncidentStatus.INVESTIGATING, "came back", null);
        assertThat(reopened.getResolvedAt()).isNull();
        assertThat(entriesOf(incident.getId())).extracting(TimelineEntry::getText)
                .contains("Reopened: Resolved → Investigating. Reason: came back");
    }

    @Test
    void editing_an_entry_keeps_every_earlier_version_with_who_and_what() {
        Incident incident = newIncident();
        TimelineEntry entry = timeline.add(incident.getId(), note("first wording"));

        TimelineEntry edited = timeline.edit(entry.getId(), entry.getVersion(), new TimelineEntryDraft(
                TimelineEntryType.CUSTOMER_NOTICE, entry.getOccurredAt(), Visibility.PUBLIC, true, "second wording"));

        assertThat(edited.getText()).isEqualTo("second wording");
        assertThat(edited.getEditedBy()).isEqualTo("manager");
        List<TimelineEntryRevision> history = timeline.history(entry.getId());
        assertThat(history).extracting(TimelineEntryRevision::getText).containsExactly("second wording",
                "first wording");
        assertThat(history.getFirst().getChange()).contains("type Note → Notice to customers",
                "visibility Internal only → Public", "pinned", "text");
        assertThat(history.getFirst().getChangedBy()).isEqualTo("manager");
        assertThat(history.getLast().getChange()).isEqualTo("created");
    }

    @Test
    void an_edit_based_on_a_stale_version_is_refused_and_overwrites_nothing() {
        Incident incident = newIncident();
        TimelineEntry entry = timeline.add(incident.getId(), note("original"));
        timeline.edit(entry.getId(), entry.getVersion(), note("first editor"));

        assertThatThrownBy(() -> timeline.edit(entry.getId(), entry.getVersion(), note("second editor")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.isConflict()).isTrue());

        assertThat(timeline.get(entry.getId()).getText()).isEqualTo("first editor");
        assertThat(timeline.history(entry.getId())).hasSize(2);
    }

    @Test
    void a_retracted_entry_stays_visible_with_its_reason_and_cannot_be_edited() {
        Incident incident = newIncident();
        TimelineEntry entry = timeline.add(incident.getId(), note("posted on the wrong incident"));

        assertThatThrownBy(() -> timeline.retract(entry.getId(), null, ""))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        TimelineEntry retracted = timeline.retract(entry.getId(), entry.getVersion(), "wrong incident");

        assertThat(entriesOf(incident.getId())).singleElement().satisfies(e -> {
            assertThat(e.isRetracted()).isTrue();
            assertThat(e.getRetractionReason()).isEqualTo("wrong incident");
            assertThat(e.getText()).isEqualTo("posted on the wrong incident");
        });
        assertThatThrownBy(() -> timeline.edit(entry.getId(), retracted.getVersion(), note("x")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.isConflict()).isTrue());
        assertThat(timeline.history(entry.getId()).getFirst().getChange()).isEqualTo("retracted: wrong incident");
    }

    @Test
    void bad_entries_are_refused_naming_the_field_and_nothing_is_stored() {
        Incident incident = newIncident();
        Instant now = clock.instant();

        assertRefused(() -> timeline.add(incident.getId(), note("   ")), "text");
        assertRefused(() -> timeline.add(incident.getId(), note("x".repeat(10_001))), "text");
        assertRefused(() -> timeline.add(incident.getId(), new TimelineEntryDraft(TimelineEntryType.NOTE,
                now.plus(Duration.ofDays(2)), Visibility.INTERNAL, false, "from the future")), "occurredAt");
        assertRefused(() -> timeline.add(incident.getId(), new TimelineEntryDraft(TimelineEntryType.STATUS_CHANGE,
                now, Visibility.INTERNAL, false, "fake status change")), "type");

        assertThat(entriesOf(incident.getId())).isEmpty();
        assertThat(timeline.add(incident.getId(), note("y".repeat(10_000))).getText()).hasSize(10_000);
    }

    private static void assertRefused(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void a_response_action_published_by_another_feature_lands_on_the_timeline_with_its_actor() {
        Incident incident = newIncident();
        Instant when = clock.instant().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);

        transactions.executeWithoutResult(tx -> events.publishEvent(new ResponseActionTaken(incident.getId(),
                TimelineEntryType.STOP_SALE, when, Visibility.PUBLIC, "Sales hold on all Sidekick SKUs", "manager2")));

        assertThat(entriesOf(incident.getId())).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(TimelineEntryType.STOP_SALE);
            assertThat(e.getAuthor()).isEqualTo("manager2");
            assertThat(e.getOccurredAt()).isEqualTo(when);
            assertThat(e.getText()).isEqualTo("Sales hold on all Sidekick SKUs");
        });
    }

    @Test
    void a_response_action_whose_transaction_rolls_back_leaves_no_entry() {
        Incident incident = newIncident();

        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new ResponseActionTaken(incident.getId(), TimelineEntryType.CREDIT_DECISION,
                    clock.instant(), Visibility.INTERNAL, "campaign approved", "manager"));
            tx.setRollbackOnly();
        });

        assertThat(entriesOf(incident.getId())).isEmpty();
    }

    @Test
    @WithMockUser(username = "agent", roles = "AGENT")
    void a_bad_response_action_fails_the_publisher_instead_of_being_lost() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> events.publishEvent(new ResponseActionTaken(
                Long.MAX_VALUE, TimelineEntryType.STOP_SALE, Instant.now(), Visibility.PUBLIC, "x", "agent"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @WithMockUser(username = "agent", roles = "AGENT")
    void an_agent_reads_internal_entries_but_cannot_add_any() {
        Incident sample = incidents.findAll().stream()
                .filter(i -> IncidentSampleData.TITLE.equals(i.getTitle())).findFirst().orElseThrow();

        assertThat(entriesOf(sample.getId())).extracting(TimelineEntry::getVisibility).contains(Visibility.INTERNAL);
        assertThatThrownBy(() -> timeline.add(sample.getId(), note("agent note")))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(username = "store", roles = "STORE_MANAGER")
    void a_store_manager_reads_public_entries_and_retail_instructions_only() {
        Incident sample = incidents.findAll().stream()
                .filter(i -> IncidentSampleData.TITLE.equals(i.getTitle())).findFirst().orElseThrow();

        List<TimelineEntry> entries = entriesOf(sample.getId());
        assertThat(entries).isNotEmpty().allMatch(TimelineEntry::isRetailReadable);
        assertThat(entries).anyMatch(e -> e.getType() == TimelineEntryType.RETAIL_INSTRUCTION
                && e.getVisibility() == Visibility.INTERNAL);

        List<IncidentBulletin> guidance = timeline.retailGuidance();
        assertThat(guidance).anySatisfy(b -> {
            assertThat(b.guidance()).extracting(Notice::type).contains(TimelineEntryType.RETAIL_INSTRUCTION);
            assertThat(b.updates()).allMatch(n -> n.visibility() == Visibility.PUBLIC
                    || n.type() == TimelineEntryType.RETAIL_INSTRUCTION);
        });
    }
}
