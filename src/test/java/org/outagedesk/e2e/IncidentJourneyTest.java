package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.outagedesk.Api;

class IncidentJourneyTest extends BrowserTest {

    /**
     * Clicks through JavaScript: in development mode Vaadin's Copilot layer (a popover over the page) intercepts
     * Selenium's pointer clicks at some positions.
     */
    private void press(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
        waitForVaadin();
    }

    /** An incident of this test's own (started in October 2009, Pacific time): the sample's status stays as it is. */
    private long ownIncident(String title) {
        Api.Response created = Api.as(port, "manager").post("/api/incidents", """
                {"title": "%s", "description": "journey test", "severity": "SEV2", "affectedServices": ["sync"],
                 "referenceZone": "America/Los_Angeles", "startedAt": "2009-10-02T16:00:00Z"}""".formatted(title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void changeStatus(String status, String note) {
        press(waitFor(By.id("change-status")));
        WebElement input = waitFor(By.cssSelector("#status-choice input"));
        input.sendKeys(status);
        input.sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("#status-note textarea")).sendKeys(note, Keys.TAB);
        press(driver.findElement(By.id("status-save")));
        try {
            waitUpTo(30).until(d -> d.findElement(By.id("incident-status")).getText().equals(status));
        } catch (TimeoutException e) {
            screenshot("incident-status-" + status + "-failed");
            throw e;
        }
        waitForVaadin();
    }

    /**
     * Shows only one type of entry. The sample incident's timeline is long, and other tests add to it; the grid
     * renders only the rows near the viewport, so a journey looks at its own kind of entries.
     */
    private void showOnlyType(String type) {
        press(waitFor(By.id("filter-type")));
        WebElement item = waitUpTo(10).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.getText().strip().equals(type)).findFirst().orElse(null));
        press(item);
        waitUpTo(10).until(d -> d.findElement(By.id("filter-type")).getText().contains(type)
                || type.equals(String.valueOf(((JavascriptExecutor) d).executeScript(
                        "const s = document.getElementById('filter-type');"
                                + "return s && s.querySelector('vaadin-select-value-button') ? "
                                + "s.querySelector('vaadin-select-value-button').textContent.trim() : null;"))));
    }

    private WebElement card(String text) {
        return waitFor(By.xpath("//div[contains(@class,'od-entry')][.//span[contains(@class,'od-entry-text') and "
                + "normalize-space(text())='" + text + "']]"));
    }

    private void clickIn(WebElement card, String buttonClass) {
        press(card.findElement(By.xpath(".//vaadin-button[contains(@class,'" + buttonClass + "')]")));
    }

    @Test
    void an_incident_manager_runs_an_incident_through_its_statuses_and_keeps_its_timeline() {
        String title = "Journey outage " + UUID.randomUUID().toString().substring(0, 8);
        long id = ownIncident(title);
        signIn("manager");
        driver.get(url("incident?id=" + id));
        waitForVaadin();
        assertThat(waitFor(By.id("incident-title")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.id("incident-times")).getText()).contains("PDT", "incident time");

        changeStatus("Resolved", "All data restored");
        assertThat(driver.findElement(By.id("incident-times")).getText()).doesNotContain("still open");
        changeStatus("Investigating", "More subscribers report missing contacts");
        changeStatus("Cause identified", "Second sync fault found");
        changeStatus("Fix in place, monitoring", "Fix deployed");
        showOnlyType("Status change");
        assertThat(card("Reopened: Resolved → Investigating. Reason: More subscribers report missing contacts")
                .getText()).contains("Status change", "by manager");

        showOnlyType("Note");
        String first = "Journey entry " + UUID.randomUUID();
        press(waitFor(By.id("add-entry")));
        waitFor(By.cssSelector("#entry-text textarea")).sendKeys(first, Keys.TAB);
        press(driver.findElement(By.id("entry-save")));
        waitForVaadin();
        clickIn(card(first), "entry-edit");
        WebElement text = waitFor(By.cssSelector("#entry-text textarea"));
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        String second = first + " (corrected)";
        text.sendKeys(second, Keys.TAB);
        press(driver.findElement(By.id("entry-save")));
        waitForVaadin();
        assertThat(card(second).getText()).contains("edited by manager");

        clickIn(card(second), "entry-history");
        WebElement history = waitFor(By.id("entry-history"));
        assertThat(history.getText()).contains("Version 2 · manager", "Version 1 · manager", first, second);
        screenshot("incident-entry-history");
        press(driver.findElement(By.id("history-close")));
        waitUpTo(10).until(d -> d.findElements(By.id("entry-history")).isEmpty());

        clickIn(card(second), "entry-retract");
        waitFor(By.cssSelector("#retract-reason textarea")).sendKeys("Posted on the wrong incident", Keys.TAB);
        press(driver.findElement(By.id("retract-save")));
        waitForVaadin();
        assertThat(card(second).getText()).contains("Retracted", "Posted on the wrong incident");
        assertThat(driver.findElement(By.id("incident-status")).getText()).isEqualTo("Fix in place, monitoring");
        screenshot("incident-timeline");
    }

    @Test
    void a_customer_reads_the_advisory_without_signing_in_and_sees_no_internal_text() {
        driver.get(url("advisory"));
        WebElement advisory = waitFor(By.id("advisory"));
        assertThat(advisory.getText()).contains("What you should do", "do not reset your Sidekick")
                .doesNotContain("retail sales managers", "main and the backup databases");
        assertThat(driver.getCurrentUrl()).endsWith("/advisory");
        screenshot("advisory");
    }
}
