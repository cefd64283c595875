package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

class StopSaleJourneyTest extends BrowserTest {

    @Test
    void the_incident_manager_sees_which_upper_west_side_dealers_to_chase_and_the_violations() {
        signIn("manager");
        driver.get(url("holds"));
        waitFor(By.id("holds"));
        waitForVaadin();
        WebElement cell = theDealersHoldOf2009();
        // a click from script: the cell may sit under the page's own scroll, where a pointer click is intercepted
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + " arguments[0].click();", cell);
        waitForVaadin();
        screenshot("holds-manager-selected");
        waitUpTo(30).until(d -> d.findElement(By.id("ack-progress")).getText().contains("overdue"));
        // the stores to chase, region by region (the API test checks the Upper West Side dealers are among them)
        waitUpTo(30).until(d -> d.findElement(By.id("hold-stores")).getText().contains("Overdue"));
        assertThat(driver.findElement(By.id("hold-details")).getText()).contains("Stores to chase",
                "New York Metro");
        assertThat(driver.findElement(By.id("lift-hold")).isDisplayed()).isTrue();
        screenshot("holds-manager");

        driver.findElement(By.xpath("//vaadin-tab[contains(., 'Violations')]")).click();
        waitForVaadin();
        waitUpTo(30).until(d -> d.findElement(By.id("violations")).getText().contains("D-NY-UWS-02"));
        screenshot("holds-violations");
    }

    @Test
    void an_agent_reads_holds_but_may_neither_place_nor_see_violations() {
        signIn("agent");
        driver.get(url("holds"));
        waitFor(By.id("holds"));
        waitForVaadin();
        // the holds are there to read (not a blank or refused page) ...
        theDealersHoldOf2009();
        // ... and nothing to change them with
        assertThat(driver.findElements(By.id("place-hold"))).allMatch(e -> !e.isDisplayed());
        assertThat(driver.findElements(By.xpath("//vaadin-tab[contains(., 'Violations')]"))).isEmpty();
    }

    /**
     * The grid's cell of the dealers' hold of the 2009 story, once rendered. Other tests of the run place holds of
     * their own, newest first: the grid is sorted by number, oldest first, so the 2009 holds (placed by the sample
     * data before any test) are on the first rows the lazy grid renders.
     */
    private WebElement theDealersHoldOf2009() {
        ((JavascriptExecutor) driver).executeScript("const g = document.getElementById('holds');"
                + "[...g.querySelectorAll('vaadin-grid-sorter')].find(s => s.textContent.trim() === '#').click();");
        waitForVaadin();
        return waitUpTo(30).until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "const g = document.getElementById('holds');"
                        + "return [...g.querySelectorAll('vaadin-grid-cell-content')]"
                        + "  .find(c => c.textContent.includes('Third-party retailers: stop selling')) || null;"));
    }
}
