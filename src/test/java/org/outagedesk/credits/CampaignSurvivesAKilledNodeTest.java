package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outagedesk.Api;
import org.outagedesk.KeepsSecurityContextStrategy;
import org.outagedesk.NodeProcess;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.TestDatabase;
import org.outagedesk.base.SystemActor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several nodes on one PostgreSQL (issue 17): the sample 2009 campaign is approved on node A, a JVM of its own; when
 * A has paid part of it, A is killed ({@code SIGKILL}: no shutdown hook, no rollback but the server's). Node B, in
 * this JVM, finds the campaign's lease lapsed, takes the job over from A's last committed batch and completes it:
 * every subscriber paid what the dry run said, nobody twice. On PostgreSQL only: two JVMs cannot share the H2 run's
 * in-memory database, and PostgreSQL is what several nodes run on. CI runs the suite on PostgreSQL too.
 */
@EnabledIf("org.outagedesk.TestDatabase#postgres")
@ExtendWith(KeepsSecurityContextStrategy.class)
class CampaignSurvivesAKilledNodeTest {

    private static final String LEASE = "3s";

    private static List<String> settings(String node) {
        return List.of("--spring.profiles.active=demo,test", "--logging.level.root=warn",
                "--outagedesk.node=" + node, "--outagedesk.jobs.lease=" + LEASE);
    }

    @Test
    void a_campaign_whose_node_is_killed_completes_on_the_other_node_paying_nobody_twice() throws Exception {
        String[] database = TestDatabase.freshDatabaseArgs("killed-node");
        // node B first: it migrates the database and loads the sample scenario (the 2009 campaign waits for approval)
        try (ConfigurableApplicationContext b = new SpringApplicationBuilder(OutageDeskApplication.class).run(
                Stream.concat(Stream.of(database), Stream.concat(settings("node-b").stream(),
                        Stream.of("--server.port=0"))).toArray(String[]::new))) {
            JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
            long campaign = jdbc.queryForObject("select min(id) from campaign where status = 'SUBMITTED'", Long.class);
            BigDecimal expected = SystemActor.call(() -> b.getBean(CampaignService.class).dryRun(campaign))
                    .grandTotal().amount();
            assertThat(expected).isPositive();

            List<String> arguments = new ArrayList<>(List.of(database));
            arguments.addAll(settings("node-a"));
            // small batches, so that A is killed with most of the campaign still to pay
            arguments.add("--outagedesk.credits.batch-size=20");
            try (NodeProcess a = NodeProcess.start("killed-node-a", arguments)) {
                Api.Response approved = Api.as(a.port(), "manager2").post("/api/campaigns/" + campaign + "/approve",
                        null);
                assertThat(approved.status()).as(approved.body()).isEqualTo(200);
                waitUpTo(Duration.ofMinutes(2), "node A pays part of the campaign").until(() -> {
                    Map<String, Object> job = job(jdbc, campaign);
                    return "node-a".equals(job.get("job_owner")) && ((Number) job.get("job_processed")).longValue()
                            >= 200;
                });
                a.kill(); // SIGKILL
            }
            Map<String, Object> killed = job(jdbc, campaign);
            assertThat(killed.get("status")).as("killed mid-way").isEqualTo("RUNNING");
            assertThat(((Number) killed.get("job_processed")).longValue())
                    .isLessThan(((Number) killed.get("job_total")).longValue());

            Set<Object> owners = ConcurrentHashMap.newKeySet();
            waitUpTo(Duration.ofMinutes(3), "node B completes the campaign").until(() -> {
                Map<String, Object> job = job(jdbc, campaign);
                if (job.get("job_owner") != null) {
                    owners.add(job.get("job_owner"));
                }
                return "COMPLETED".equals(job.get("status"));
            });
            // A's name stays on the lease until it lapses; then B holds it
            assertThat(owners).as("held by B after A's death").contains("node-b");
            assertThat(jdbc.queryForObject("select coalesce(sum(amount), 0) from credit where campaign_id = ?",
                    BigDecimal.class, campaign)).as("paid what the dry run said").isEqualByComparingTo(expected);
            assertThat(jdbc.queryForObject("select count(*) from credit where campaign_id = ?", Long.class, campaign))
                    .as("one credit per subscriber and tier").isEqualTo(jdbc.queryForObject("select count(*) from"
                            + " (select distinct campaign_tier_id, subscriber_id from credit where campaign_id = ?) x",
                            Long.class, campaign));
            assertThat(job(jdbc, campaign).get("job_owner")).as("released when done").isNull();
        }
    }

    private static Map<String, Object> job(JdbcTemplate jdbc, long campaign) {
        return jdbc.queryForMap("select status, job_processed, job_total, job_owner from campaign where id = ?",
                campaign);
    }
}
