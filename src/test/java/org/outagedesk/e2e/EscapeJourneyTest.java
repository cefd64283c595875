package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Escape is pressed by reflex to get rid of a popup. In Chromium, on the subscriber list: Escape in a filter field
 * leaves the filter as the user chose it (a bulk change then reaches what they saw, not the whole status), and
 * Escape closes the bulk dialog, which named that filter in words, without touching the filters.
 */
class EscapeJourneyTest extends BrowserTest {

    private String shown(String css) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "const f = document.querySelector(arguments[0]); return f.inputElement ? f.inputElement.value"
                        + " : f.querySelector('input').value;", css));
    }

    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;

    @Test
    void escape_neither_empties_a_filter_nor_keeps_the_bulk_dialog_and_the_filters_stay_as_typed() {
        long sample = SystemActor.call(() -> incidents.findAll().stream()
                .filter(i -> i.getTitle().equals("Sidekick data service outage and data loss")).findFirst()
                .map(Incident::getId).orElseThrow());
        // part of the name of someone in the Midwest, so that the filtered list is not empty
        String typed = SystemActor.call(() -> impacts.find(sample, new ImpactFilter(null, null, null, "Midwest",
                null, null, null), PageRequest.of(0, 1)).getContent().getFirst().name().split(" ")[0]);
        signIn("manager");
        driver.get(url("subscribers?incident=" + sample + "&region=Midwest"));
        WebElement search = waitUpTo(120).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#subscriber-search input")));
        waitForVaadin();
        search.click();
        search.sendKeys(typed);
        waitForVaadin();
        search.sendKeys(Keys.ESCAPE);
        WebElement region = driver.findElement(By.cssSelector("#region-filter input"));
        region.click();
        region.sendKeys(Keys.ESCAPE);
        region.sendKeys(Keys.ESCAPE);
        waitForVaadin();
        assertThat(shown("#subscriber-search")).isEqualTo(typed);
        assertThat(shown("#region-filter")).isEqualTo("Midwest");

        driver.findElement(By.id("bulk-change")).click();
        WebElement selection = waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("bulk-selection")));
        assertThat(selection.getText()).contains("region Midwest", "containing '" + typed + "'");
        WebElement reason = waitUpTo(30).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#bulk-reason textarea, #bulk-reason input")));
        reason.click();
        reason.sendKeys("half a reason");
        reason.sendKeys(Keys.ESCAPE);
        waitUpTo(30).until(ExpectedConditions.invisibilityOfElementLocated(By.id("bulk-selection")));
        waitForVaadin();

        assertThat(shown("#subscriber-search")).isEqualTo(typed);
        assertThat(shown("#region-filter")).isEqualTo("Midwest");
    }
}
