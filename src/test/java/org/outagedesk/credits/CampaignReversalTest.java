package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.credits.CreditTestSupport.Sub;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reversing and topping up a campaign are bulk jobs like the run: a single credit for the same incident never waits
 * on a reversal, and a job done again after a crash (its cursor lost) pays or takes back nothing twice.
 */
@IntegrationTest
class CampaignReversalTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CreditService credits;
    @Autowired
    CampaignRunner runner;
    @Autowired
    CampaignSql sql;
    @Autowired
    CampaignRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    long incident;
    List<Sub> subs = new ArrayList<>();
    long campaign;

    @BeforeEach
    void completedCampaign() throws Exception {
        incident = CreditTestSupport.newIncident(incidents);
        for (int k = 0; k < 12; k++) {
            subs.add(Sub.of(true, "LOST", "PHOTOS"));
        }
        CreditTestSupport.importSubscribers(impacts, incident, subs);
        String author = "author-" + UUID.randomUUID().toString().substring(0, 8);
        campaign = SystemActor.callAs(author, () -> campaigns.create(new NewCampaign(incident, "Reversal test",
                List.of(new NewCampaign.Tier("Month", new TierRules(EnumSet.of(DataLossStatus.LOST), null, null,
                        null, null), "DATA_SERVICE_MONTH", new BigDecimal("20.00")))))).id();
        SystemActor.callAs(author, () -> campaigns.submit(campaign));
        SystemActor.callAs("approver-" + author, () -> campaigns.approve(campaign));
        waitFor(CampaignStatus.COMPLETED);
    }

    private void waitFor(CampaignStatus status) throws InterruptedException {
        waitUpTo(Duration.ofSeconds(60), "campaign reaches " + status).until(() ->
                SystemActor.call(() -> campaigns.get(campaign)).status() == status && !runner.isActive(campaign));
    }

    private BigDecimal sum(String where) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from credit where campaign_id = ? and " + where,
                BigDecimal.class, campaign);
    }

    private long count(String where) {
        return jdbc.queryForObject("select count(*) from credit where campaign_id = ? and " + where, Long.class,
                campaign);
    }

    /** Starts the reversal without the background runner, so that the test drives its batches. */
    private void startReversal() {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            Campaign c = repository.findById(campaign).orElseThrow();
            c.startReverse("reverser", "test", sql.countStanding(campaign), Instant.now());
        });
    }

    @Test
    void a_single_credit_for_the_same_incident_succeeds_within_a_second_while_a_reversal_batch_is_open()
            throws Exception {
        // a warm-up credit to another subscriber first: the second one is timed, not the first use of the code path
        SystemActor.call(() -> credits.issue(new NewCredit(subs.get(1).msisdn(), incident, "GOODWILL",
                new BigDecimal("1.00"), "warm-up"), null));
        startReversal();
        // threads of their own: the common pool may have a single thread on a small machine
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch batchDone = new CountDownLatch(1);
        CountDownLatch creditDone = new CountDownLatch(1);
        CompletableFuture<Void> reversal = CompletableFuture.runAsync(() -> SystemActor.run(() ->
                new TransactionTemplate(transactions).executeWithoutResult(s -> {
                    runner.step(campaign); // reverses this batch, its transaction still open
                    batchDone.countDown();
                    try {
                        creditDone.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })), threads);
        assertThat(batchDone.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<IssuedCredit> single = CompletableFuture.supplyAsync(() -> SystemActor.call(() ->
                credits.issue(new NewCredit(subs.getFirst().msisdn(), incident, "GOODWILL", new BigDecimal("10.00"),
                        "during the reversal"), null)), threads);
        IssuedCredit issued;
        try {
            issued = single.get(1, TimeUnit.SECONDS);
        } finally {
            creditDone.countDown();
            reversal.get(30, TimeUnit.SECONDS);
            threads.shutdown();
        }
        assertThat(issued.credit().status()).isEqualTo(CreditStatus.ISSUED);

        SystemActor.run(() -> runner.runToEnd(campaign));
        assertThat(SystemActor.call(() -> campaigns.get(campaign)).status()).isEqualTo(CampaignStatus.REVERSED);
        assertThat(count("entry_type = 'REVERSAL'")).isEqualTo(12);
        assertThat(sum("1 = 1")).as("the campaign nets to zero").isEqualByComparingTo("0");
        assertThat(issued.credit().campaignId()).isNull();
    }

    @Test
    void a_reversal_done_again_after_a_crash_takes_back_nothing_twice() {
        startReversal();
        SystemActor.run(() -> runner.runToEnd(campaign));
        // the worst crash: the work committed but the job is found unfinished from its very start
        jdbc.update("update campaign set status = 'REVERSING', job_cursor = 0 where id = ?", campaign);
        SystemActor.run(() -> runner.runToEnd(campaign));

        assertThat(count("entry_type = 'REVERSAL'")).isEqualTo(12);
        assertThat(sum("entry_type = 'REVERSAL'")).isEqualByComparingTo("-240.00");
        assertThat(count("entry_type = 'CREDIT' and status = 'REVERSED'")).isEqualTo(12);
    }

    @Test
    void a_top_up_done_again_after_a_crash_pays_nothing_twice() throws Exception {
        SystemActor.callAs("topper", () -> campaigns.topUp(campaign, 1, new BigDecimal("25.00")));
        waitFor(CampaignStatus.COMPLETED);
        assertThat(sum("entry_type = 'CREDIT'")).isEqualByComparingTo("300.00");

        jdbc.update("update campaign set status = 'RUNNING', job_cursor = 0 where id = ?", campaign);
        SystemActor.run(() -> runner.runToEnd(campaign));

        assertThat(sum("entry_type = 'CREDIT'")).as("12 x 20.00 + 12 x 5.00, once").isEqualByComparingTo("300.00");
        assertThat(count("entry_type = 'CREDIT' and tier_round = 1")).isEqualTo(12);
    }
}
