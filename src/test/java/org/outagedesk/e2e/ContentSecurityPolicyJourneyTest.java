package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 16, hole 7, in the browser: the console works under its Content Security Policy (sign in, move between
 * screens, a grid fills) and the browser reports no violation of it.
 */
class ContentSecurityPolicyJourneyTest extends BrowserTest {

    @Test
    void the_console_works_under_its_content_security_policy() {
        driver.get(url("login"));
        ((JavascriptExecutor) driver).executeScript("window.__csp = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective"
                + " + ' ' + e.blockedURI));");
        signIn("manager");
        ((JavascriptExecutor) driver).executeScript("window.__csp = window.__csp || [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective"
                + " + ' ' + e.blockedURI));");
        driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .filter(e -> e.getText().strip().equals("Stop-sales")).findFirst().orElseThrow().click();
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("/holds") || d.getCurrentUrl().contains("stop-sales"));
        waitForVaadin();
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("vaadin-grid")).isEmpty());
        driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .filter(e -> e.getText().strip().equals("Subscribers")).findFirst().orElseThrow().click();
        waitForVaadin();

        // the pages the browser just used were served under the policy
        assertThat(cspOf("login")).contains("default-src 'self'");
        Object violations = ((JavascriptExecutor) driver).executeScript("return window.__csp;");
        assertThat(violations).asList().isEmpty();
        screenshot("csp-console");
    }

    private String cspOf(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url(path))).build(), HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("Content-Security-Policy").orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
