package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.FigureCache;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.ReflectionTestUtils;

/** The figures a campaign shows once its run has finished are the ledger's, even where figures are kept. */
@IntegrationTest
class CampaignFiguresTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignFigures campaignFigures;
    @Autowired
    CreditService credits;
    @Autowired
    ImpactService impacts;
    @Autowired
    IncidentService incidents;

    @Test
    void a_completed_campaign_shows_the_ledgers_figures_even_when_figures_are_kept_in_memory() {
        long incident = CreditTestSupport.newIncident(incidents);
        CreditTestSupport.importSubscribers(impacts, incident, List.of(
                CreditTestSupport.Sub.of(true, "LOST", "PHOTOS"), CreditTestSupport.Sub.of(true, "LOST", "CONTACTS"),
                CreditTestSupport.Sub.of(true, "DEVICE_ONLY", "CONTACTS")));
        Object kept = ReflectionTestUtils.getField(campaignFigures, "figures");
        // as at a million subscribers: every computation is "expensive" and kept for an hour
        ReflectionTestUtils.setField(campaignFigures, "figures",
                new FigureCache<>(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1)));
        try {
            as("manager");
            CampaignDetails c = campaigns.create(new NewCampaign(incident, "Figures test", List.of(new NewCampaign.Tier(
                    "Lost", new TierRules(EnumSet.of(DataLossStatus.LOST), null, null, null, null), "GOODWILL",
                    new BigDecimal("20.00")))));
            campaigns.submit(c.id());
            assertThat(campaigns.get(c.id()).credited().amount()).isZero(); // kept: nothing paid yet
            as("manager2");
            campaigns.approve(c.id());
            CampaignDetails done = waitUntilFinished(c.id());

            assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
            assertThat(done.progress().percent()).isEqualTo(100);
            assertThat(done.credited().amount()).isEqualByComparingTo(credits.summary(incident).issued().amount())
                    .isEqualByComparingTo("40.00");
            assertThat(done.tiers().getFirst().subscribers()).isEqualTo(2);
        } finally {
            ReflectionTestUtils.setField(campaignFigures, "figures", kept);
            SecurityContextHolder.clearContext();
        }
    }

    private CampaignDetails waitUntilFinished(long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        CampaignDetails c = campaigns.get(id);
        while (c.status() == CampaignStatus.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            c = campaigns.get(id);
        }
        return c;
    }

    private static void as(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, List.of(new SimpleGrantedAuthority("ROLE_INCIDENT_MANAGER"))));
    }
}
