package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.outagedesk.base.SystemActor;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldService.AckState;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.NewHold;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class MyStoreJourneyTest extends BrowserTest {

    @Autowired
    HoldService holds;
    @Autowired
    IncidentService incidents;

    @Test
    void the_upper_west_side_store_manager_sees_sidekicks_on_hold_and_acknowledges_a_new_stop_sale() {
        long incident = SystemActor.call(() -> incidents.findAll().stream()
                .filter(i -> i.getTitle().equals("Sidekick data service outage and data loss")).findFirst()
                .orElseThrow().getId());
        HoldSummary hold = SystemActor.call(() -> holds.place(new NewHold(incident, List.of("BB8220-PIN"), null,
                List.of(SalesChannel.DEALER), null, List.of("D-NY-UWS-01"), null, null, 4,
                "Browser test: pink Pearl Flip hinge fault")));
        try {
            signIn("store");
            waitUpTo(30).until(d -> d.getCurrentUrl().endsWith("/my-store"));

            WebElement sidekick = waitFor(By.cssSelector(".od-sale-badge[data-sku='SK-LX09-CARBLA']"));
            assertThat(sidekick.getText()).isEqualTo("ON HOLD");
            assertThat(driver.findElement(By.cssSelector(".od-sale-badge[data-sku='G1-BLA']")).getText())
                    .isEqualTo("SELLABLE");
            assertThat(driver.findElement(By.cssSelector(".od-sale-badge[data-sku='BB8220-PIN']")).getText())
                    .isEqualTo("ON HOLD");

            // what to tell customers: the retail e-mail of Oct 10, 2009 from the incident's timeline
            assertThat(waitFor(By.id("retail-guidance")).getText())
                    .contains("do NOT reset the device", "Oct 10, 2009");

            WebElement card = waitFor(By.id("hold-" + hold.id()));
            assertThat(card.getText()).contains("pink Pearl Flip hinge fault", "Acknowledge by");
            screenshot("my-store-before-ack");
            driver.findElement(By.id("acknowledge-" + hold.id())).click();
            waitForVaadin();

            waitUpTo(30).until(d -> d.findElement(By.id("hold-" + hold.id())).getText().contains("Acknowledged"));
            assertThat(driver.findElements(By.id("acknowledge-" + hold.id()))).isEmpty();
            screenshot("my-store-after-ack");

            var acknowledged = SystemActor.call(() -> holds.stores(hold.id(), AckState.ACKNOWLEDGED,
                    PageRequest.of(0, 10)).getContent());
            assertThat(acknowledged).singleElement().satisfies(r -> {
                assertThat(r.storeCode()).isEqualTo("D-NY-UWS-01");
                assertThat(r.acknowledgedBy()).isEqualTo("store");
            });
            // the overdue 2009 dealer hold still waits for this store
            assertThat(driver.findElement(By.id("store-holds")).getText()).contains("OVERDUE");
        } finally {
            SystemActor.run(() -> holds.lift(hold.id(), "browser test over"));
        }
    }
}
