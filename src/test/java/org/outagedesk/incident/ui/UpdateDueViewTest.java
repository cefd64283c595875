package org.outagedesk.incident.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestClock;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The incident screen reminds the team of the update cadence, on a fixed clock. */
@IntegrationTest
class UpdateDueViewTest extends SpringBrowserlessTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    TestClock clock;

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.outagedesk");
    }

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    /** Opens the incident screen on this incident ({@code incident?id=...}); {@code visit} makes each visit new. */
    private Span dueLineOf(Incident incident, int visit) {
        UI.getCurrent().navigate(IncidentView.class, QueryParameters.simple(Map.of("id",
                String.valueOf(incident.getId()), "visit", String.valueOf(visit))));
        return $(Span.class).id("update-due");
    }

    @Test
    @WithUserDetails("manager")
    void the_incident_screen_says_when_the_next_public_update_is_due_and_in_red_once_it_is_overdue() {
        clock.fixAt(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        Incident sev1 = SystemActor.call(() -> incidents.create(new NewIncident("Cadence view test "
                + UUID.randomUUID(), "for a view test", Severity.SEV1, List.of("web"), "America/Los_Angeles",
                clock.instant().minus(Duration.ofMinutes(48)))));

        Span due = dueLineOf(sev1, 1);
        assertThat(due.getText()).startsWith("Next public update due in 12 min · by ");
        assertThat(due.getClassNames()).doesNotContain("text-error");

        clock.advance(Duration.ofMinutes(32));
        Span late = dueLineOf(sev1, 2);
        assertThat(late.getText()).startsWith("Public update overdue by 20 min · by ");
        assertThat(late.getClassNames()).contains("text-error");
    }
}
