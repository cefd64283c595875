package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.outagedesk.Api;

/**
 * Issue 16, hole 2, in the browser: a tab open as a user who is then disabled by an incident manager (through the
 * API, as from another node) lands on the login page at its next action.
 */
class SessionEndJourneyTest extends BrowserTest {

    @Test
    void an_open_tab_of_a_disabled_user_lands_on_the_login_page_at_its_next_action() {
        String name = "tab-" + UUID.randomUUID().toString().substring(0, 8);
        Api manager = Api.as(port, "manager");
        Api.Response created = manager.post("/api/users", """
                {"username":"%s","displayName":"Tab test","role":"AGENT","password":"long-enough-1"}
                """.formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        signIn(name, "long-enough-1");
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("/subscribers"));

        assertThat(manager.post("/api/users/" + id + "/disable", null).status()).isEqualTo(200);

        driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .filter(e -> e.getText().strip().equals("Stop-sales")).findFirst().orElseThrow().click();
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("/login"));
        waitFor(By.id("login-form"));
        assertThat(driver.getPageSource()).doesNotContain("Sidekick LX");
    }

    @Test
    void an_open_tab_of_a_demoted_user_must_sign_in_again() {
        String name = "tab-" + UUID.randomUUID().toString().substring(0, 8);
        Api manager = Api.as(port, "manager");
        Api.Response created = manager.post("/api/users", """
                {"username":"%s","displayName":"Tab test","role":"INCIDENT_MANAGER","password":"long-enough-1"}
                """.formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        signIn(name, "long-enough-1");
        assertThat(manager.put("/api/users/" + id + "/role", "{\"role\":\"AGENT\"}").status()).isEqualTo(200);

        driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .filter(e -> e.getText().strip().equals("Users")).findFirst().orElseThrow().click();
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("/login"));
    }
}
