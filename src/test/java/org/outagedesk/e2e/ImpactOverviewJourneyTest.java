package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;

class ImpactOverviewJourneyTest extends BrowserTest {

    @Autowired
    IncidentService incidents;

    @Test
    void the_executive_sees_the_charts_drawn_and_a_status_card_opens_the_filtered_subscriber_list() {
        long incident = SystemActor.call(() -> incidents.findAll().stream()
                .filter(i -> i.getTitle().equals("Sidekick data service outage and data loss")).findFirst()
                .orElseThrow().getId());
        signIn("exec");
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("/impact"));
        driver.get(url("impact?incident=" + incident));
        waitForVaadin();

        WebElement chart = waitFor(By.cssSelector("#chart-status"));
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#chart-status rect")).isEmpty());
        assertThat(chart.getSize().getWidth()).as("the SVG is laid out, not just present").isGreaterThan(300);
        assertThat(chart.getText()).contains("Affected subscribers by status", "Lost", "Only on device");
        assertThat(driver.findElement(By.id("chart-region")).getText()).contains("New York Metro");
        assertThat(driver.findElement(By.id("as-of")).getText()).startsWith("Figures as of");
        screenshot("impact-overview");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", chart);
        screenshot("impact-overview-charts");

        WebElement lost = driver.findElement(By.id("card-LOST"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", lost);
        lost.click();
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("/subscribers?incident=" + incident + "&status=LOST"));
        waitForVaadin();
        // the list opens filtered on exactly "Lost": one chip, that one (the chips' labels as the browser shows them)
        waitUpTo(30).until(d -> List.of("Lost").equals(((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#status-filter vaadin-multi-select-combo-box-chip')]"
                        + ".filter(c => !c.hasAttribute('hidden') && c.slot === 'chip').map(c => c.label);")));
        screenshot("impact-overview-lost-subscribers");
    }
}
