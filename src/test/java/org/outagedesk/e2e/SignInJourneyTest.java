package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

class SignInJourneyTest extends BrowserTest {

    @ParameterizedTest(name = "{0} lands on {1} and sees only its navigation")
    @CsvSource(delimiter = '|', textBlock = """
            agent    | subscribers | Incident;Subscribers;Stop-sales;Credits
            agent2   | subscribers | Incident;Subscribers;Stop-sales;Credits
            manager  | incident    | Getting started;Incident;Subscribers;Stop-sales;Credits;Credit approvals;Credit campaigns;Customer notices;Impact overview;Users;Catalog;Audit trail;Backups
            manager2 | incident    | Getting started;Incident;Subscribers;Stop-sales;Credits;Credit approvals;Credit campaigns;Customer notices;Impact overview;Users;Catalog;Audit trail;Backups
            exec     | impact      | Incident;Subscribers;Stop-sales;Credits;Credit campaigns;Impact overview
            store    | my-store    | My store
            store2   | my-store    | My store
            """)
    void each_demo_user_lands_on_its_home_with_only_its_navigation(String user, String home, String nav) {
        signIn(user);
        // the incident screen adds the chosen incident to its address (incident?id=N)
        waitUpTo(30).until(d -> d.getCurrentUrl().replaceFirst("\\?.*$", "").endsWith("/" + home));
        assertThat(sideNavLabels()).containsExactlyElementsOf(List.of(nav.split(";")));
        assertThat(driver.findElement(By.id("signed-in-user")).getText()).isNotBlank();
        screenshot("home-" + user);
    }

    @Test
    void signing_out_returns_to_the_login_page_and_the_console_needs_a_sign_in_again() {
        signIn("exec");
        driver.findElement(By.id("sign-out")).click();
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("/login"));
        driver.get(url("impact"));
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("/login"));
    }

    @Test
    void a_store_manager_sees_their_own_store_on_their_home() {
        signIn("store");
        assertThat(waitFor(By.id("store-name")).getText()).contains("Upper West Side");
    }

    @Test
    void a_user_typing_another_roles_address_is_refused() {
        signIn("agent");
        driver.get(url("users"));
        waitForVaadin();
        // a page is there, and it is the refusal page with its way home, not a blank page
        waitForText("Your role may not open this page");
        assertThat(driver.findElements(By.id("new-user"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("Morgan Manager");

        signOutFirst();
        signIn("store");
        driver.get(url("audit"));
        waitForVaadin();
        waitForText("Your role may not open this page");
        assertThat(driver.findElements(By.cssSelector("vaadin-grid"))).isEmpty();
    }

    /**
     * A mistyped address or an old bookmark: the console's page that says so, with the way home. Spring Security
     * refused such addresses before Vaadin could answer, and a signed-in manager read a raw 403 problem+json, "Your
     * role may not do this".
     */
    @Test
    void a_signed_in_user_on_an_address_that_is_no_screen_gets_the_not_found_page_with_the_way_home() {
        signIn("manager");
        driver.get(url("overview"));
        waitForVaadin();
        waitForText("This page is not here for you");
        assertThat(driver.getPageSource()).doesNotContain("\"status\":403").doesNotContain("Your role may not do this");
        driver.findElement(By.id("go-home")).click();
        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-app-layout")));

        // not signed in: the sign-in page first, as for any screen
        signOutFirst();
        driver.get(url("no/such/screen"));
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("/login"));
    }

    @Test
    void the_till_account_is_told_it_uses_the_api() {
        signIn("till");
        waitUpTo(30).until(d -> d.getCurrentUrl().endsWith("/api-only"));
        assertThat(waitFor(By.id("placeholder")).getText()).contains("REST API");
        assertThat(sideNavLabels()).isEmpty();
    }

    @Test
    void a_wrong_password_keeps_the_user_on_the_login_page_with_a_message() {
        driver.get(url("login"));
        waitFor(By.id("username")).sendKeys("agent");
        driver.findElement(By.id("password")).sendKeys("wrong");
        driver.findElement(By.id("sign-in")).click();
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("error"));
        String shown = waitFor(By.id("login-error")).getText();
        assertThat(shown).contains("The username or password is wrong");
        // the form is there again, empty, to try once more
        assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEmpty();
        screenshot("login-error");
    }

    @Test
    void the_sign_in_page_fits_a_phone_without_sideways_scrolling() {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(url("login?error"));
            waitFor(By.id("login-error"));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
            long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertThat(viewport).isLessThanOrEqualTo(400);
            assertThat(content).as("no horizontal scroll at 390 px").isLessThanOrEqualTo(viewport);
            assertThat(driver.findElement(By.id("sign-in")).getRect().getWidth()).as("the button spans the form")
                    .isGreaterThan(250);
            screenshot("login-390");
        } finally {
            driver.manage().window().setSize(new Dimension(1400, 1000));
        }
    }
}
