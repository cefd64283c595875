package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.outagedesk.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 14 in Chromium: sending a retail instruction to stores from the timeline, and each role's profile. */
class StoreMailJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void putBack() {
        jdbc.update("update app_user set email = null, info_emails = true where username in ('manager', 'agent',"
                + " 'exec', 'store')");
    }

    private void press(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
        waitForVaadin();
    }

    /** An incident of this test's own with one retail instruction; returns the incident's id. */
    private long incidentWithInstruction(String text) {
        Api.Response created = Api.as(port, "manager").post("/api/incidents", """
                {"title": "Mail journey %s", "description": "journey test", "severity": "SEV2",
                 "affectedServices": ["sync"], "referenceZone": "America/Los_Angeles",
                 "startedAt": "2009-10-02T16:00:00Z"}""".formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Api.Response entry = Api.as(port, "manager").post("/api/incidents/" + id + "/timeline", """
                {"type": "RETAIL_INSTRUCTION", "occurredAt": "2009-10-10T19:00:00Z", "visibility": "INTERNAL",
                 "pinned": true, "text": "%s"}""".formatted(text));
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        return id;
    }

    private WebElement card(String text) {
        return waitFor(By.xpath("//div[contains(@class,'od-entry')][.//span[contains(@class,'od-entry-text') and "
                + "normalize-space(text())='" + text + "']]"));
    }

    @Test
    void an_incident_manager_previews_the_count_then_sends_a_retail_instruction_to_a_region() {
        String text = "Journey instruction " + UUID.randomUUID().toString().substring(0, 8);
        long id = incidentWithInstruction(text);
        signIn("manager");
        driver.get(url("incident?id=" + id));
        waitForVaadin();
        press(card(text).findElement(By.xpath(".//vaadin-button[contains(@class,'entry-send')]")));
        WebElement input = waitFor(By.cssSelector("#send-regions input"));
        assertThat(driver.findElement(By.id("send-count")).getText()).contains("Choose the regions or stores");
        input.sendKeys("Pacific Northwest");
        WebElement item = waitUpTo(20).until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item"))
                .stream().filter(e -> e.getText().strip().equals("Pacific Northwest")).findFirst().orElse(null));
        press(item);
        input.sendKeys(Keys.ESCAPE);
        waitForVaadin();
        String count = waitUpTo(20).until(d -> {
            String t = d.findElement(By.id("send-count")).getText();
            return t.contains("get this e-mail") || t.contains("gets this e-mail") ? t : null;
        });
        Matcher n = Pattern.compile("^(\\d+) stores? gets?").matcher(count);
        assertThat(n.find()).as(count).isTrue();
        assertThat(Integer.parseInt(n.group(1))).isPositive();
        screenshot("send-to-stores-preview");
        press(driver.findElement(By.id("send-confirm")));
        String notice = waitUpTo(20).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .map(WebElement::getText).filter(t -> t.startsWith("Retail instruction e-mailed")).findFirst()
                .orElse(null));
        assertThat(notice).startsWith("Retail instruction e-mailed to " + n.group(1) + " store");
        Long rows = jdbc.queryForObject("select count(*) from outbox_message where event_key like ?", Long.class,
                "retail-instruction:" + id + ":%");
        assertThat(rows).isPositive();
    }

    @Test
    void agents_and_executives_read_the_instruction_without_send_to_stores() {
        String text = "Journey read-only " + UUID.randomUUID().toString().substring(0, 8);
        long id = incidentWithInstruction(text);
        for (String user : new String[] {"agent", "exec"}) {
            driver.manage().deleteAllCookies();
            signIn(user);
            driver.get(url("incident?id=" + id));
            waitForVaadin();
            assertThat(card(text).findElements(By.xpath(".//vaadin-button[contains(@class,'entry-send')]")))
                    .as(user).isEmpty();
        }
    }

    @Test
    void every_role_sets_its_own_address_on_its_profile() {
        for (String user : new String[] {"manager", "agent", "exec", "store"}) {
            driver.manage().deleteAllCookies();
            signIn(user);
            press(waitFor(By.id("profile-link")));
            WebElement email = waitFor(By.cssSelector("#profile-email input"));
            String address = user + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
            email.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            email.sendKeys(address, Keys.TAB);
            press(driver.findElement(By.id("profile-save")));
            String saved = waitUpTo(20).until(d -> d.findElements(By.cssSelector("vaadin-notification-card"))
                    .stream().map(WebElement::getText).filter(t -> t.startsWith("Saved")).findFirst().orElse(null));
            assertThat(saved).as(user).isEqualTo("Saved: e-mails go to " + address);
            assertThat(jdbc.queryForObject("select email from app_user where username = ?", String.class, user))
                    .isEqualTo(address);
            if (user.equals("store")) {
                screenshot("profile-store-manager");
            }
        }
    }
}
