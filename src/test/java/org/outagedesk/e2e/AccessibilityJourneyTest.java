package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outagedesk.base.SystemActor;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.NewHold;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineFilter;
import org.outagedesk.incident.TimelineService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * axe-core on every screen of every role (and the sign-in page): no serious or critical violation. And each role's
 * main task with the keyboard only.
 * <p>
 * Kept fast and steady on a busy machine: axe (550 kB) is put into the page once per role and the screens are then
 * opened the way a person does, through the menu (the console is a single page, so axe stays loaded); axe reports
 * violations only; one test per role, so a slow role does not take the others' time; waits are long (they end as
 * soon as the page is ready) because two busy cores make a first page take tens of seconds. The journeys open their
 * own incident and hold, so they change nothing another test reads.
 */
class AccessibilityJourneyTest extends BrowserTest {

    private static final String AXE;

    static {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            AXE = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe.min.js is not on the class path", e);
        }
    }

    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    HoldService holds;
    @Autowired
    TimelineService timeline;

    private long sampleIncident() {
        return SystemActor.call(() -> incidents.findAll().stream()
                .filter(i -> i.getTitle().equals("Sidekick data service outage and data loss")).findFirst()
                .map(Incident::getId).orElseThrow());
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** The serious and critical violations on the page shown now, as "page: rule (impact) at where: help" lines. */
    @SuppressWarnings("unchecked")
    private List<String> seriousViolations(String page) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
        if (!Boolean.TRUE.equals(js().executeScript("return !!window.axe"))) {
            js().executeScript(AXE);
        }
        Object found = js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".flatMap(v => v.nodes.map(n => arguments[0] + ': ' + v.id + ' (' + v.impact + ') at '"
                + " + JSON.stringify(n.target) + ': ' + v.help + ' | ' + (n.failureSummary || '').replace(/\\s+/g, ' ')"
                + " + ' | ' + (n.html || '').slice(0, 300)))), e => done(['axe failed: ' + e]));", page);
        return new ArrayList<>((List<String>) found);
    }

    @Test
    void the_sign_in_page_has_no_serious_or_critical_accessibility_violation() {
        driver.get(url("login"));
        waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("username")));
        assertThat(seriousViolations("login")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"agent", "store", "exec", "manager"})
    void no_screen_of_a_role_has_a_serious_or_critical_accessibility_violation(String user) {
        signIn(user);
        List<String> violations = new ArrayList<>(seriousViolations(user + " " + path()));
        Set<String> paths = new LinkedHashSet<>();
        driver.findElements(By.cssSelector("vaadin-side-nav-item")).forEach(i -> paths.add(i.getAttribute("path")));
        for (String path : paths) {
            // through the menu, as a person goes: a client-side navigation keeps axe in the page
            js().executeScript("const item = document.querySelector('vaadin-side-nav-item[path=\"' + arguments[0]"
                    + " + '\"]'); (item.shadowRoot.querySelector('a') || item).click();", path);
            waitUpTo(120).until(d -> path().equals("/" + path));
            waitForVaadin();
            violations.addAll(seriousViolations(user + " /" + path));
        }
        if (user.equals("agent")) {
            String msisdn = SystemActor.call(() -> impacts.find(sampleIncident(), ImpactFilter.all(),
                    PageRequest.of(0, 1)).getContent().getFirst().msisdn());
            driver.get(url("subscribers/" + msisdn));
            waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(By.id("subscriber-msisdn")));
            waitForVaadin();
            violations.addAll(seriousViolations(user + " /subscribers/" + msisdn));
        }
        assertThat(paths).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private void signInWithKeyboard(String user) {
        driver.get(url("login"));
        waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("username"))).click();
        new Actions(driver).sendKeys(user).sendKeys(Keys.TAB).sendKeys("demo").sendKeys(Keys.ENTER).perform();
        waitUpTo(120).until(d -> !d.getCurrentUrl().contains("/login"));
        waitUpTo(120).until(d -> !d.findElements(By.tagName("vaadin-app-layout")).isEmpty());
        waitForVaadin();
    }

    /** Presses Tab until the focus is inside what {@code css} selects. */
    private void tabTo(String css) {
        for (int k = 0; k < 80; k++) {
            Boolean there = (Boolean) ((JavascriptExecutor) driver).executeScript(
                    "let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) {"
                            + " if (a.matches(arguments[0])) break; a = a.shadowRoot.activeElement; }"
                            + " return !!a && !!a.closest && (!!a.closest(arguments[0]) || !!(a.getRootNode()"
                            + ".host && a.getRootNode().host.closest(arguments[0])));", css);
            if (Boolean.TRUE.equals(there)) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + css);
    }

    @Test
    void an_agent_finds_a_caller_with_the_keyboard_only() {
        String msisdn = SystemActor.call(() -> impacts.find(sampleIncident(), ImpactFilter.all(),
                PageRequest.of(0, 1)).getContent().getFirst().msisdn());
        signInWithKeyboard("agent");
        // other tests open incidents too: the list is asked for the sample's, as a shared link would
        driver.get(url("subscribers?incident=" + sampleIncident()));
        waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(By.id("subscriber-search")));
        tabTo("#subscriber-search");
        new Actions(driver).sendKeys(msisdn).perform();
        waitForVaadin();
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitUpTo(120).until(d -> d.getCurrentUrl().contains("/subscribers/"));
        assertThat(waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(By.id("subscriber-msisdn")))
                .getText()).isEqualTo(msisdn);
    }

    @Test
    void a_store_manager_acknowledges_a_stop_sale_with_the_keyboard_only() {
        HoldSummary hold = SystemActor.call(() -> holds.place(new NewHold(sampleIncident(), List.of("SK-S3-WHI"),
                null, List.of(SalesChannel.DEALER), null, List.of("D-NY-UWS-01"), null, null, 4,
                "Keyboard test: white Sidekick 3 recall")));
        try {
            signInWithKeyboard("store");
            tabTo("#acknowledge-" + hold.id());
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            // the card is drawn again once acknowledged: a card read a moment before may be gone
            waitUpTo(120).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("hold-" + hold.id())).getText().contains("Acknowledged"));
        } finally {
            SystemActor.run(() -> holds.lift(hold.id(), "keyboard test over"));
        }
    }

    @Test
    void an_executive_opens_the_lost_subscribers_from_the_overview_with_the_keyboard_only() {
        signInWithKeyboard("exec");
        waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-LOST")));
        tabTo("#card-LOST");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitUpTo(120).until(d -> d.getCurrentUrl().contains("status=LOST"));
    }

    @Test
    void an_incident_manager_adds_a_timeline_entry_with_the_keyboard_only() {
        long incident = SystemActor.call(() -> incidents.create(new NewIncident("Keyboard test " + UUID.randomUUID(),
                "for a test", Severity.SEV3, List.of("web"), "America/Los_Angeles",
                Instant.parse("2009-10-02T00:00:00Z")))).getId();
        String text = "Keyboard entry " + UUID.randomUUID();
        signInWithKeyboard("manager");
        driver.get(url("incident?id=" + incident));
        waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(By.id("add-entry")));
        waitForVaadin();
        tabTo("#add-entry");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-text")));
        tabTo("#entry-text");
        new Actions(driver).sendKeys(text).perform();
        tabTo("#entry-save");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitUpTo(60).until(d -> d.findElement(By.id("timeline")).getText().contains(text));
        assertThat(SystemActor.call(() -> timeline.find(incident, TimelineFilter.ALL, PageRequest.of(0, 10))
                .getContent())).extracting(TimelineEntry::getText).contains(text);
    }
}
