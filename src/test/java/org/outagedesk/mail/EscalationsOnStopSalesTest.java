package org.outagedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestClock;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.RegionDetails;
import org.outagedesk.catalog.StoreDetails;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.NewHold;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The hold's details on Stop-sales list the escalations e-mailed for it: region, contact, when (viewer's zone). */
@IntegrationTest
@SuppressWarnings("unchecked")
class EscalationsOnStopSalesTest extends SpringBrowserlessTest {

    @Autowired
    TestClock clock;
    @Autowired
    CatalogService catalog;
    @Autowired
    HoldService holds;
    @Autowired
    IncidentService incidents;
    @Autowired
    AcknowledgementChaser chaser;

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.outagedesk");
    }

    @AfterEach
    void putBack() {
        clock.reset();
    }

    @Test
    @WithUserDetails("manager")
    void the_hold_details_show_each_regions_escalation() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String east = "Esc East " + tag;
        String west = "Esc West " + tag;
        long incident = NoticeTestSupport.newIncident(incidents);
        Instant placed = Instant.parse("2030-05-01T12:00:00Z");
        clock.setFixed(placed);
        HoldSummary hold = SystemActor.call(() -> {
            catalog.saveRegion(new RegionDetails(east, "America/New_York", "Eve", "eve-" + tag + "@region.example.com"));
            catalog.saveRegion(new RegionDetails(west, "America/Los_Angeles", "Wes", "wes-" + tag
                    + "@region.example.com"));
            catalog.addStore(new StoreDetails(("EE-" + tag).toUpperCase(), "East " + tag, east, "Boston", "DEALER",
                    null, "America/New_York"));
            catalog.addStore(new StoreDetails(("EW-" + tag).toUpperCase(), "West " + tag, west, "Seattle", "DEALER",
                    null, "America/Los_Angeles"));
            return holds.place(new NewHold(incident, List.of("SK-LX09-CARBLA"), null, List.of(SalesChannel.DEALER),
                    null, List.of(("EE-" + tag).toUpperCase(), ("EW-" + tag).toUpperCase()), placed, null, 1,
                    "Escalation view " + tag));
        });
        Class<? extends Component> view = (Class<? extends Component>) Class.forName(
                "org.outagedesk.holds.ui.HoldListView");

        navigate("holds", view);
        Grid<HoldSummary> grid = $(Grid.class).id("holds");
        grid.asSingleSelect().setValue(hold);
        assertThat($(Div.class).id("hold-escalations").getElement().getTextRecursively())
                .contains("No escalation sent");

        clock.setFixed(placed.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(2)));
        assertThat(chaser.check()).as("the escalations were written").isPositive();
        grid.asSingleSelect().clear(); // choose the hold again: its details are read afresh
        grid.asSingleSelect().setValue(hold);
        Grid<EscalationSent> sent = $(Grid.class, $(Div.class).id("hold-escalations")).single();
        assertThat(test(sent).size()).isEqualTo(2);
        assertThat(test(sent).getCellText(0, 0)).isEqualTo(east);
        assertThat(test(sent).getCellText(0, 1)).isEqualTo("eve-" + tag + "@region.example.com");
        assertThat(test(sent).getCellText(0, 2)).as("in the viewer's zone (UTC here), named")
                .startsWith("May 1, 2030").endsWith("UTC");
        assertThat(test(sent).getCellText(1, 0)).isEqualTo(west);
    }
}
