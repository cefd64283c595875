package org.outagedesk.credits;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.SampleIncident;
import org.outagedesk.sampledata.SampleDataStep;
import org.outagedesk.sampledata.SampleFiles;
import org.springframework.stereotype.Component;

/**
 * The 2009 compensation as a campaign on the sample incident: tier 1 a month of data service ($20) to every affected
 * subscriber with a data plan, tier 2 $100 to those who lost photos or contacts for good. It is created and submitted
 * by "system" and left for an incident manager (manager or manager2) to approve, so the demo shows the two-person
 * rule and the run with its progress rather than a campaign that already paid.
 */
@Component
class CreditSampleData implements SampleDataStep {

    static final String CAMPAIGN_NAME = "2009 Sidekick compensation";

    private final IncidentService incidents;
    private final CampaignService campaigns;

    CreditSampleData(IncidentService incidents, CampaignService campaigns) {
        this.incidents = incidents;
        this.campaigns = campaigns;
    }

    @Override
    public String name() {
        return "credits-campaign-2009";
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public void load(SampleFiles files) {
        // prepared by the incident manager "manager", so that a second one ("manager2") approves it
        SystemActor.callAs("manager", () -> {
            Incident incident = SampleIncident.find(incidents);
            CampaignDetails campaign = campaigns.create(new NewCampaign(incident.getId(), CAMPAIGN_NAME, List.of(
                    new NewCampaign.Tier("Month of data service",
                            new TierRules(EnumSet.of(DataLossStatus.UNKNOWN, DataLossStatus.DEVICE_ONLY,
                                    DataLossStatus.LOST, DataLossStatus.RECOVERED), null, true, null, null),
                            "DATA_SERVICE_MONTH", new BigDecimal("20.00")),
                    new NewCampaign.Tier("Permanent loss of photos or contacts",
                            new TierRules(EnumSet.of(DataLossStatus.LOST),
                                    EnumSet.of(DataCategory.PHOTOS, DataCategory.CONTACTS), null, null, null),
                            "PERMANENT_LOSS", new BigDecimal("100.00")))));
            campaigns.dryRun(campaign.id());
            campaigns.submit(campaign.id());
            return null;
        });
    }
}
