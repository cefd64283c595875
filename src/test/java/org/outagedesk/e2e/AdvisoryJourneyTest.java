package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** A customer on a phone (390 x 844) reads the public advisory: no sign-in, no cookie, no sideways scrolling. */
class AdvisoryJourneyTest extends BrowserTest {

    @AfterEach
    void desktopAgain() {
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    private void checkOnAPhone(String path, String screenshot) {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url(path));
        WebElement advisory = waitFor(By.id("advisory"));
        assertThat(advisory.getText()).contains("Service advisory");

        JavascriptExecutor js = (JavascriptExecutor) driver;
        long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(viewport).as("the page is laid out for the phone's width").isLessThanOrEqualTo(400);
        assertThat(content).as(path + ": no horizontal scroll at 390 px").isLessThanOrEqualTo(viewport);
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('.adv-wrap')).maxWidth"))
                .as("the advisory's own stylesheet is applied").isEqualTo("832px");
        assertThat(driver.manage().getCookies()).as(path + " sets no cookie").isEmpty();

        Results axe = new AxeBuilder().analyze(driver);
        List<String> serious = axe.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(AdvisoryJourneyTest::describe).toList();
        assertThat(serious).as(path + ": axe-core's serious and critical violations").isEmpty();
        screenshot(screenshot);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }

    @Test
    void a_customer_reads_the_advisory_on_a_phone_without_a_cookie_and_it_passes_axe() {
        checkOnAPhone("advisory", "advisory-390");
        WebElement first = driver.findElement(By.cssSelector(".adv-incident h2 a"));
        assertThat(driver.findElement(By.id("advisory")).getText())
                .contains("What you should do", "do not reset your Sidekick", "Next update expected")
                .doesNotContain("MONITORING", "retail sales managers");

        String incidentPath = first.getAttribute("href").replaceFirst("^https?://[^/]+/", "");
        checkOnAPhone(incidentPath, "advisory-incident-390");
    }
}
