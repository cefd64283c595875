package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImportResult;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The 2009 campaign over a million generated subscribers, timed. Not part of the normal build (it takes minutes):
 * {@code java sample-data/GenerateSubscribers.java 1000000 /tmp/subscribers-1m.csv}, then
 * {@code CREDITS_SCALE=/tmp/subscribers-1m.csv ./mvnw test -Dtest=CampaignScaleTest}.
 */
@IntegrationTest
@EnabledIfEnvironmentVariable(named = "CREDITS_SCALE", matches = ".+")
class CampaignScaleTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    CampaignService campaigns;

    @Test
    void a_campaign_over_a_million_subscribers_runs_and_is_timed() throws Exception {
        Path file = Path.of(System.getenv("CREDITS_SCALE"));
        long incident = CreditTestSupport.newIncident(incidents);
        long t0 = System.nanoTime();
        ImportResult imported;
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            imported = SystemActor.call(() -> impacts.importCsv(incident, in, size, "1m.csv",
                    ImportMode.ALL_OR_NOTHING));
        }
        long t1 = System.nanoTime();
        assertThat(imported.applied()).isTrue();
        CampaignDetails created = SystemActor.call(() -> campaigns.create(new NewCampaign(incident, "Scale", List.of(
                new NewCampaign.Tier("Month", new TierRules(java.util.EnumSet.of(
                        org.outagedesk.impact.DataLossStatus.UNKNOWN, org.outagedesk.impact.DataLossStatus.DEVICE_ONLY,
                        org.outagedesk.impact.DataLossStatus.LOST, org.outagedesk.impact.DataLossStatus.RECOVERED),
                        null, true, null, null), "DATA_SERVICE_MONTH", new BigDecimal("20.00")),
                new NewCampaign.Tier("Loss", new TierRules(java.util.EnumSet.of(
                        org.outagedesk.impact.DataLossStatus.LOST), java.util.EnumSet.of(
                        org.outagedesk.impact.DataCategory.PHOTOS, org.outagedesk.impact.DataCategory.CONTACTS),
                        null, null, null), "PERMANENT_LOSS", new BigDecimal("100.00"))))));
        long id = created.id();
        CampaignDryRun dry = SystemActor.call(() -> campaigns.dryRun(id));
        long t2 = System.nanoTime();
        SystemActor.run(() -> campaigns.submit(id));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "scale-approver", null, List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.INCIDENT_MANAGER))));
        try {
            long t3 = System.nanoTime();
            campaigns.approve(id);
            CampaignDetails c;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
            do {
                Thread.sleep(1000);
                c = campaigns.get(id);
            } while (c.status() != CampaignStatus.COMPLETED && Instant.now().isBefore(deadline));
            long t4 = System.nanoTime();
            System.out.printf("SCALE import %d impacts: %d s; dry run: %d s (%s); run: %d s, status %s, %s credited"
                    + " over %s tier credits%n", imported.imported(), (t1 - t0) / 1_000_000_000,
                    (t2 - t1) / 1_000_000_000, dry, (t4 - t3) / 1_000_000_000, c.status(), c.credited(),
                    c.tiers().stream().mapToLong(CampaignDetails.Tier::subscribers).sum());
            assertThat(c.status()).isEqualTo(CampaignStatus.COMPLETED);
            assertThat(c.credited()).isEqualTo(dry.grandTotal());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
