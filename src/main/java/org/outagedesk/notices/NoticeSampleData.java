package org.outagedesk.notices;

import java.util.EnumSet;
import java.util.List;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.SampleIncident;
import org.outagedesk.sampledata.SampleDataStep;
import org.outagedesk.sampledata.SampleFiles;
import org.springframework.stereotype.Component;

/**
 * The notice the carrier owed its customers in October 2009 ("details within 14 days"), as a DRAFT on the sample
 * incident: texts to everyone whose data was hit, with an e-mail to those who cannot be texted. A manager previews,
 * submits it, and a second one approves: the demo shows the whole path through the simulator and the demo relay.
 * It names no amount: {@code {credit}} is what a subscriber has been credited when the notice is queued, and the
 * sample credit campaign is still waiting for its approval (the texts said "We credited $0.00").
 */
@Component
class NoticeSampleData implements SampleDataStep {

    static final String NAME = "2009 Sidekick data loss: what it means for you";

    private final IncidentService incidents;
    private final NoticeService notices;

    NoticeSampleData(IncidentService incidents, NoticeService notices) {
        this.incidents = incidents;
        this.notices = notices;
    }

    @Override
    public String name() {
        return "notice-2009";
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public void load(SampleFiles files) {
        Incident incident = SampleIncident.find(incidents);
        notices.create(new NewNotice(incident.getId(), NAME,
                new ImpactFilter(EnumSet.of(DataLossStatus.DEVICE_ONLY, DataLossStatus.LOST, DataLossStatus.UNKNOWN),
                        null, null, null, null, null, null),
                List.of("SMS", "EMAIL"), true,
                "Sidekick service: {name}, {statusText}. Details: {advisoryUrl} Reply STOP to opt out.",
                "Your Sidekick data: what happened and what we are doing",
                "Dear {name},\n\nA server failure at our partner hit the data your Sidekick kept online ({categories})."
                        + "\n\nWhere you stand: {statusText}.\n\nThere is nothing you need to do. Within 14 days we will tell"
                        + " you what we could restore and what we credit you for the lost service.\n\nUpdates:"
                        + " {advisoryUrl}",
                false));
    }
}
