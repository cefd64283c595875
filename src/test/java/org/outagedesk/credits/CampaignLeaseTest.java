package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.RowLock;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.JobLeases;
import org.outagedesk.base.SystemActor;
import org.outagedesk.base.ThisNode;
import org.outagedesk.credits.CreditTestSupport.Sub;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactRows;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several nodes (issue 17): one node at a time runs a campaign's job, under a lease. A job another node holds is left
 * alone; once that node stops renewing (it died), this node takes the job over from its last batch and pays nobody
 * twice. The other node is played here by its rows: a lease in its name. {@code CampaignSurvivesAKilledNodeTest}
 * kills a real second node.
 */
@IntegrationTest
class CampaignLeaseTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignRunner runner;
    @Autowired
    ThisNode node;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CampaignRepository campaignRows;
    @Autowired
    CampaignTierRepository tierRows;
    @Autowired
    CampaignSql campaignSql;
    @Autowired
    ImpactRows impactRows;
    @Autowired
    CreditProperties properties;
    @Autowired
    AuditService audit;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Clock clock;
    @Autowired
    JobLeases leases;

    long campaign;
    final List<Sub> subs = new ArrayList<>();

    /** A completed campaign over 12 subscribers, then put back as another node left it: half paid, RUNNING. */
    @BeforeEach
    void halfPaidByAnotherNode() throws Exception {
        long incident = CreditTestSupport.newIncident(incidents);
        for (int k = 0; k < 12; k++) {
            subs.add(Sub.of(true, "LOST", "PHOTOS"));
        }
        CreditTestSupport.importSubscribers(impacts, incident, subs);
        String author = "author-" + UUID.randomUUID().toString().substring(0, 8);
        campaign = SystemActor.callAs(author, () -> campaigns.create(new NewCampaign(incident, "Lease test",
                List.of(new NewCampaign.Tier("Month", new TierRules(EnumSet.of(DataLossStatus.LOST), null, null,
                        null, null), "DATA_SERVICE_MONTH", new BigDecimal("20.00")))))).id();
        SystemActor.callAs(author, () -> campaigns.submit(campaign));
        SystemActor.callAs("approver-" + author, () -> campaigns.approve(campaign));
        waitFor(CampaignStatus.COMPLETED);
        assertThat(credits()).isEqualTo(12);
        assertThat(owner()).as("a finished job is held by nobody").isNull();

        // the other node had paid the first six impacts when it stopped
        Long sixth = jdbc.queryForObject("select id from impact where incident_id = ? order by id offset 5 rows"
                + " fetch next 1 rows only", Long.class, incident);
        jdbc.update("delete from credit where campaign_id = ? and subscriber_id in (select subscriber_id from impact"
                + " where incident_id = ? and id > ?)", campaign, incident, sixth);
        jdbc.update("update campaign set status = 'RUNNING', job_cursor = ?, job_processed = 6, completed_at = null,"
                + " job_owner = 'node-elsewhere', job_lease_until = ? where id = ?", sixth,
                Timestamp.from(Instant.now().plus(Duration.ofHours(1))), campaign);
        assertThat(credits()).isEqualTo(6);
    }

    private void waitFor(CampaignStatus status) throws InterruptedException {
        waitUpTo(Duration.ofSeconds(60), "campaign reaches " + status).until(() ->
                SystemActor.call(() -> campaigns.get(campaign)).status() == status && !runner.isActive(campaign));
    }

    private long credits() {
        return jdbc.queryForObject("select count(*) from credit where campaign_id = ?", Long.class, campaign);
    }

    private @Nullable String owner() {
        return jdbc.queryForObject("select job_owner from campaign where id = ?", String.class, campaign);
    }

    private Map<String, Object> job() {
        return jdbc.queryForMap("select status, job_cursor, job_processed, job_owner from campaign where id = ?",
                campaign);
    }

    @Test
    void a_job_another_node_holds_is_left_alone_and_taken_over_once_its_lease_lapses() throws Exception {
        Map<String, Object> before = job();
        SystemActor.run(() -> runner.runToEnd(campaign)); // as a manager's "resume" on this node would
        runner.takeOver(false); // as this node's watcher does
        runner.takeOver(true); // as this node's start does
        waitUpTo(Duration.ofSeconds(10), "nothing runs here").until(() -> !runner.isActive(campaign));
        assertThat(job()).as("held by the other node: untouched").isEqualTo(before);
        assertThat(credits()).isEqualTo(6);

        // the other node died: it stopped renewing, and the lease lapsed
        jdbc.update("update campaign set job_lease_until = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), campaign);
        runner.takeOver(false);
        waitFor(CampaignStatus.COMPLETED);
        assertThat(credits()).as("the other six paid, the first six not again").isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(distinct subscriber_id) from credit where campaign_id = ?",
                Long.class, campaign)).isEqualTo(12);
        assertThat(job().get("JOB_PROCESSED")).isEqualTo(12L);
        assertThat(owner()).as("released when done").isNull();
    }

    @Test
    void a_job_stopped_on_an_error_waits_for_a_start_or_a_resume_not_for_the_watcher() throws Exception {
        jdbc.update("update campaign set job_owner = null, job_lease_until = null, job_error = 'the database did not"
                + " answer or refused a write (the server log has the details)' where id = ?", campaign);
        runner.takeOver(false);
        waitUpTo(Duration.ofSeconds(10), "nothing runs here").until(() -> !runner.isActive(campaign));
        assertThat(credits()).as("the watcher leaves a job that failed").isEqualTo(6);

        runner.takeOver(true);
        waitFor(CampaignStatus.COMPLETED);
        assertThat(credits()).isEqualTo(12);
    }

    @Test
    void a_job_that_fails_says_why_in_plain_words_never_with_the_exception_text_and_pays_nothing_half() {
        jdbc.update("update campaign set job_owner = null, job_lease_until = null where id = ?", campaign);
        // the first subscriber still to pay cannot be credited: the batch's write fails in the database
        Long next = jdbc.queryForObject("select i.subscriber_id from impact i join campaign c on c.incident_id ="
                + " i.incident_id where c.id = ? and i.id > c.job_cursor order by i.id fetch first 1 rows only",
                Long.class, campaign);
        jdbc.execute("alter table credit add constraint campaign_fails_test_ck check (subscriber_id <> " + next + ")");
        try {
            SystemActor.run(() -> runner.runToEnd(campaign));
        } finally {
            jdbc.execute("alter table credit drop constraint campaign_fails_test_ck");
        }
        String error = jdbc.queryForObject("select job_error from campaign where id = ?", String.class, campaign);
        assertThat(error).isEqualTo("the database did not answer or refused a write (the server log has the"
                + " details)");
        assertThat(SystemActor.call(() -> campaigns.get(campaign)).progress().error()).isEqualTo(error);
        assertThat(credits()).as("the failed batch paid nobody").isEqualTo(6);
        assertThat(owner()).as("the lease is given up").isNull();
    }

    @Test
    void a_stop_ends_the_run_after_its_batch_not_failed_and_the_next_start_goes_on_paying_nobody_twice()
            throws Exception {
        jdbc.update("update campaign set job_owner = null, job_lease_until = null where id = ?", campaign);
        // a runner of this node's own with batches of one impact, stopped as the application stops it
        CampaignRunner stopped = new CampaignRunner(campaignRows, tierRows, campaignSql, impactRows,
                new CreditProperties(properties.limit(), properties.capPerSubscriber(), 1), audit, events, clock,
                transactions, leases);
        // the campaign's row locked: the run's first batch waits for its lease until the stop has begun
        Thread stopping;
        try (RowLock lock = RowLock.of(transactions, jdbc, "campaign", campaign)) {
            stopped.start(campaign);
            stopping = Thread.ofPlatform().start(stopped::stop);
            waitUpTo(Duration.ofSeconds(10), "the stop waits for the run").until(() ->
                    stopping.getState() == Thread.State.TIMED_WAITING);
        }
        stopping.join(30_000);
        assertThat(stopping.isAlive()).isFalse();

        assertThat(credits()).as("the batch under way finished, no other began").isEqualTo(7);
        Map<String, Object> after = jdbc.queryForMap("select status, job_error, job_owner from campaign where id = ?",
                campaign);
        assertThat(after.get("STATUS")).isEqualTo("RUNNING");
        assertThat(after.get("JOB_ERROR")).as("a stop is not an error").isNull();
        assertThat(after.get("JOB_OWNER")).as("the lease is given up").isNull();

        runner.takeOver(false); // this node started again (or another node) goes on at once
        waitFor(CampaignStatus.COMPLETED);
        assertThat(credits()).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(distinct subscriber_id) from credit where campaign_id = ?",
                Long.class, campaign)).isEqualTo(12);
    }

    @Test
    void this_node_holds_the_job_while_it_runs_a_batch() {
        jdbc.update("update campaign set job_owner = null, job_lease_until = null where id = ?", campaign);
        Boolean more = SystemActor.call(() -> new TransactionTemplate(
                transactions).execute(s -> runner.step(campaign)));
        assertThat(more).isTrue();
        assertThat(owner()).isEqualTo(node.name());
        Timestamp until = jdbc.queryForObject("select job_lease_until from campaign where id = ?", Timestamp.class,
                campaign);
        assertThat(until.toInstant()).isAfter(Instant.now());
        SystemActor.run(() -> runner.runToEnd(campaign));
        assertThat(credits()).isEqualTo(12);
        assertThat(owner()).isNull();
    }

}
