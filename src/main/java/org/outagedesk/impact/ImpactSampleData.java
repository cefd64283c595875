package org.outagedesk.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.SampleIncident;
import org.outagedesk.sampledata.SampleDataStep;
import org.outagedesk.sampledata.SampleFiles;
import org.springframework.stereotype.Component;

/**
 * 20,000 affected subscribers of the 2009 Sidekick incident, imported through the same CSV import people use. The
 * file comes from {@code sample-data/GenerateSubscribers.java} (seed 2009).
 */
@Component
class ImpactSampleData implements SampleDataStep {

    static final String FILE = "subscribers-2009.csv";

    private final IncidentService incidents;
    private final ImpactService impacts;

    ImpactSampleData(IncidentService incidents, ImpactService impacts) {
        this.incidents = incidents;
        this.impacts = impacts;
    }

    @Override
    public String name() {
        return "impacts-2009";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void load(SampleFiles files) {
        Incident incident = SampleIncident.find(incidents);
        try (InputStream in = files.open(FILE)) {
            ImportResult result = impacts.importCsv(incident.getId(), in, -1, FILE, ImportMode.ALL_OR_NOTHING);
            if (!result.applied()) {
                throw new IllegalStateException("sample-data/" + FILE + " was refused: " + result.errors());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
