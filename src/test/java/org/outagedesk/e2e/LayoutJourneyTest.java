package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The long lists use the window's height and the page itself never scrolls (one scroll per page): the timeline, the
 * subscriber grid and Stop-sales at 1440x900; My store at phone width scrolls neither sideways. Screenshots land in
 * target/screenshots/ for a person to look at.
 */
class LayoutJourneyTest extends BrowserTest {

    @Autowired
    IncidentService incidents;

    @AfterEach
    void desktopAgain() {
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** How far the document, the app layout's content and the view reach past what they show, in pixels. */
    @SuppressWarnings("unchecked")
    private List<Long> overflow() {
        return (List<Long>) js().executeScript("const layout = document.querySelector('vaadin-app-layout');"
                + " const view = layout.querySelector(':scope > :not([slot])');"
                + " const content = layout.shadowRoot.querySelector('[content]');"
                + " return [document.documentElement.scrollHeight - document.documentElement.clientHeight,"
                + " content ? content.scrollHeight - content.clientHeight : 0,"
                + " view.scrollHeight - view.clientHeight].map(Math.round);");
    }

    /** The gap between the bottom of what {@code css} selects and the bottom of the window, in pixels. */
    private long gapBelow(String css) {
        return ((Number) js().executeScript("return Math.round(innerHeight - document.querySelector(arguments[0])"
                + ".getBoundingClientRect().bottom);", css)).longValue();
    }

    private void open(String path, String css) {
        driver.get(url(path));
        waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        waitForVaadin();
    }

    @Test
    void the_timeline_the_subscriber_grid_and_stop_sales_fill_the_window_without_a_page_scroll() {
        long sample = SystemActor.call(() -> incidents.findAll().stream()
                .filter(i -> i.getTitle().equals("Sidekick data service outage and data loss")).findFirst()
                .map(Incident::getId).orElseThrow());
        signIn("manager");
        driver.manage().window().setSize(new Dimension(1440, 900));

        open("incident?id=" + sample, "#timeline");
        screenshot("layout-timeline-1440");
        assertThat(overflow()).as("timeline: page overflow").allMatch(px -> px <= 1);
        assertThat(gapBelow("#timeline")).as("timeline: gap below the grid").isBetween(0L, 40L);

        open("subscribers", "#subscriber-grid");
        screenshot("layout-subscribers-1440");
        assertThat(overflow()).as("subscribers: page overflow").allMatch(px -> px <= 1);
        assertThat(gapBelow("#subscriber-grid")).as("subscribers: gap below the grid").isBetween(0L, 40L);

        open("holds", "#holds");
        screenshot("layout-stop-sales-1440");
        assertThat(overflow()).as("stop-sales: page overflow").allMatch(px -> px <= 1);
        assertThat(gapBelow("#hold-details-pane")).as("stop-sales: gap below the details").isBetween(0L, 40L);
    }

    @Test
    void my_store_at_phone_width_scrolls_neither_the_page_sideways_nor_hides_the_header() {
        signIn("store");
        driver.manage().window().setSize(new Dimension(390, 844));
        open("my-store", "vaadin-app-layout");
        screenshot("layout-my-store-390");
        long sideways = ((Number) js().executeScript("return document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth;")).longValue();
        assertThat(sideways).isLessThanOrEqualTo(1);
    }
}
