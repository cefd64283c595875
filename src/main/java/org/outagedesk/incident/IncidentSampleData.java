package org.outagedesk.incident;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.outagedesk.sampledata.SampleDataStep;
import org.outagedesk.sampledata.SampleFiles;
import org.springframework.stereotype.Component;

/** The October 2009 Sidekick data-loss incident (its timeline entries are a step of their own). */
@Component
class IncidentSampleData implements SampleDataStep {

    static final String TITLE = SampleIncident.TITLE;
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private final IncidentService incidents;

    IncidentSampleData(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "incident-2009";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void load(SampleFiles files) {
        incidents.create(new NewIncident(TITLE,
                "Sidekick subscribers cannot connect to the data service (sync, e-mail, web); voice and SMS keep "
                        + "working. The server operator reports a server failure that hit both the main and the "
                        + "backup databases: the cloud copies of contacts, photos, e-mail, text messages, calendars "
                        + "and to-do lists of about 800,000 subscribers may be lost.",
                Severity.SEV1, List.of("data sync", "e-mail", "web", "messaging"), PACIFIC.getId(),
                LocalDateTime.of(2009, 10, 2, 6, 0).atZone(PACIFIC).toInstant()));
    }
}
