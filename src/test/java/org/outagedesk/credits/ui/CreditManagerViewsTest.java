package org.outagedesk.credits.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.SystemActor;
import org.outagedesk.credits.CampaignDetails;
import org.outagedesk.credits.CampaignService;
import org.outagedesk.credits.CampaignStatus;
import org.outagedesk.credits.CreditRecord;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.CreditStatus;
import org.outagedesk.credits.NewCampaign;
import org.outagedesk.credits.NewCredit;
import org.outagedesk.credits.ReasonCode;
import org.outagedesk.credits.TierRules;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class CreditManagerViewsTest extends SpringBrowserlessTest {

    @Autowired
    ImpactService impacts;
    @Autowired
    IncidentService incidents;
    @Autowired
    CreditService credits;
    @Autowired
    CampaignService campaigns;

    long incident;
    String msisdn;

    @BeforeEach
    void ownSubscriber() {
        incident = SystemActor.call(() -> incidents.create(new NewIncident("Manager view test " + UUID.randomUUID(),
                "test", Severity.SEV3, List.of("test"), "America/Los_Angeles", Instant.parse("2001-01-01T00:00:00Z"))))
                .getId();
        msisdn = "+1844" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        String csv = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n" + msisdn
                + ",ACC-MV,Morgan Manager,SK-LX09-CARBLA,D-NY-UWS-01,true,LOST,PHOTOS,\n";
        SystemActor.run(() -> impacts.importCsv(incident, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                -1, "manager-view.csv", ImportMode.ALL_OR_NOTHING));
    }

    @Test
    @WithUserDetails("manager")
    @SuppressWarnings("unchecked")
    void a_manager_approves_an_agents_pending_credit_on_the_approvals_screen() {
        var managerContext = SecurityContextHolder.getContext();
        var agent = SecurityContextHolder.createEmptyContext();
        agent.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("agent", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.AGENT))));
        SecurityContextHolder.setContext(agent);
        CreditRecord pending;
        try {
            pending = credits.issue(new NewCredit(msisdn, incident, "GOODWILL", new BigDecimal("40.00"), "above"),
                    null).credit();
        } finally {
            SecurityContextHolder.setContext(managerContext);
        }
        assertThat(pending.status()).isEqualTo(CreditStatus.PENDING_APPROVAL);

        UI.getCurrent().navigate(CreditApprovalsView.class);
        Grid<CreditRecord> grid = $(Grid.class).first();
        int row = -1;
        for (int k = 0; k < test(grid).size(); k++) {
            if (test(grid).getRow(k).id() == pending.id()) {
                row = k;
            }
        }
        assertThat(row).as("the pending credit is listed").isNotNegative();
        HorizontalLayout actions = (HorizontalLayout) test(grid).getCellComponent(row, 6);
        test((Button) actions.getComponentAt(0)).click();
        CreditRecord after = credits.get(pending.id());
        assertThat(after.status()).isEqualTo(CreditStatus.ISSUED);
        assertThat(after.decidedBy()).isEqualTo("manager");
    }

    @Test
    @WithUserDetails("manager")
    @SuppressWarnings("unchecked")
    void the_author_dry_runs_a_campaign_but_cannot_approve_it() {
        CampaignDetails c = campaigns.create(new NewCampaign(incident, "View campaign", List.of(new NewCampaign.Tier(
                "All lost", new TierRules(EnumSet.of(DataLossStatus.LOST), null, null, null, null), "GOODWILL",
                new BigDecimal("10.00")))));
        campaigns.submit(c.id());
        UI.getCurrent().navigate(CampaignsView.class);
        ComboBox<Incident> incidentBox = $(ComboBox.class).first();
        incidentBox.setValue(incidentBox.getListDataView().getItems().filter(i -> i.getId() == incident).findFirst()
                .orElseThrow());
        Grid<CampaignDetails> grid = $(Grid.class).first();
        assertThat(test(grid).size()).isEqualTo(1);
        test(grid).clickRow(0);
        test($(Button.class).withId("campaign-dry-run").single()).click();
        assertThat($(Paragraph.class).withId("campaign-dry-run-total").single().getText())
                .contains("1 subscriber,").contains("$10.00").contains("Nothing has been paid");
        assertThat($(Button.class).withId("campaign-approve").single().isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("manager")
    @SuppressWarnings("unchecked")
    void the_list_moves_with_a_campaign_another_manager_approved_and_shows_its_finished_figures() {
        CampaignDetails c = campaigns.create(new NewCampaign(incident, "Moving campaign", List.of(new NewCampaign.Tier(
                "All lost", new TierRules(EnumSet.of(DataLossStatus.LOST), null, null, null, null), "GOODWILL",
                new BigDecimal("12.00")))));
        campaigns.submit(c.id());
        UI.getCurrent().navigate(CampaignsView.class);
        ComboBox<Incident> incidentBox = $(ComboBox.class).first();
        incidentBox.setValue(incidentBox.getListDataView().getItems().filter(i -> i.getId() == incident).findFirst()
                .orElseThrow());
        Grid<CampaignDetails> grid = $(Grid.class).first();
        assertThat(test(grid).getRow(0).status()).isEqualTo(CampaignStatus.SUBMITTED);

        var managerContext = SecurityContextHolder.getContext();
        var second = SecurityContextHolder.createEmptyContext();
        second.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("manager2", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.INCIDENT_MANAGER))));
        SecurityContextHolder.setContext(second);
        try {
            campaigns.approve(c.id());
        } finally {
            SecurityContextHolder.setContext(managerContext);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (campaigns.get(c.id()).status() != CampaignStatus.COMPLETED
                && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        ComponentUtil.fireEvent(UI.getCurrent(),
                new PollEvent(UI.getCurrent(), true));

        CampaignDetails row = test(grid).getRow(0);
        assertThat(row.status()).as("the row without a reload").isEqualTo(CampaignStatus.COMPLETED);
        assertThat(row.progress().percent()).isEqualTo(100);
        assertThat(row.credited().amount()).isEqualByComparingTo(credits.summary(incident).issued().amount())
                .isEqualByComparingTo("12.00");
    }

    @Test
    @WithUserDetails("manager")
    @SuppressWarnings("unchecked")
    void a_manager_creates_a_campaign_in_the_console_seeing_every_error_at_once_then_dry_runs_it() {
        UI.getCurrent().navigate(CampaignsView.class);
        ComboBox<Incident> incidentBox = $(ComboBox.class).first();
        incidentBox.setValue(incidentBox.getListDataView().getItems().filter(i -> i.getId() == incident).findFirst()
                .orElseThrow());
        test($(Button.class).withId("campaign-new").single()).click();
        test($(Button.class).withId("new-campaign-save").single()).click();
        var name = $(TextField.class).withId("new-campaign-name").single();
        var tierName = $(TextField.class).withId("new-campaign-tier-1-name")
                .single();
        var amount = $(BigDecimalField.class)
                .withId("new-campaign-tier-1-amount").single();
        ComboBox<ReasonCode> reason = $(ComboBox.class).withId("new-campaign-tier-1-reason")
                .single();
        assertThat(List.of(name.isInvalid(), tierName.isInvalid(), reason.isInvalid(), amount.isInvalid()))
                .as("every error at once").containsOnly(true);

        test(name).setValue("Console campaign");
        test(tierName).setValue("Lost photos");
        reason.setValue(reason.getListDataView().getItems().filter(r -> r.code().equals("GOODWILL")).findFirst()
                .orElseThrow());
        amount.setValue(new BigDecimal("15.00"));
        var statuses = (MultiSelectComboBox<DataLossStatus>)
                $(MultiSelectComboBox.class)
                        .withId("new-campaign-tier-1-statuses").single();
        statuses.setValue(Set.of(DataLossStatus.LOST));
        test($(Button.class).withId("new-campaign-save").single()).click();

        List<CampaignDetails> created = campaigns.ofIncident(incident);
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().tiers().getFirst().amount().amount()).isEqualByComparingTo("15.00");
        test($(Button.class).withId("campaign-dry-run").single()).click();
        assertThat($(Paragraph.class).withId("campaign-dry-run-total").single().getText())
                .contains("1 subscriber,").contains("$15.00");
    }
}
