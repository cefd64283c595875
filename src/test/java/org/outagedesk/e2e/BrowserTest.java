package org.outagedesk.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End-to-end tests in real headless Chromium (Debian's chromium and chromium-driver). On a developer machine
 * without Chromium they are skipped with a message; under CI ({@code CI=true}) a missing browser fails them.
 */
@IntegrationTest
public abstract class BrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary",
            "/usr/bin/chromedriver"));

    protected static WebDriver driver;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Chromium or ChromeDriver not found at " + CHROMIUM + " / " + CHROMEDRIVER
                    + ": install the Debian packages chromium and chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true: end-to-end tests must run. " + message);
            }
            Assumptions.abort("Skipping end-to-end tests. " + message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @BeforeEach
    void signOutFirst() {
        driver.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    protected WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Signs in through the login form and waits until the console's frame is shown. */
    protected void signIn(String username, String password) {
        driver.get(url("login"));
        WebElement user = waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(
                By.id("username")));
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        waitUpTo(60).until(d -> !d.getCurrentUrl().contains("/login"));
        waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-app-layout")));
        waitForVaadin();
    }

    protected void signIn(String demoUser) {
        signIn(demoUser, "demo");
    }

    /** Waits until Vaadin has no request in flight. */
    protected void waitForVaadin() {
        waitUpTo(30).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients || {})"
                        + ".every(c => !c.isActive || !c.isActive())")));
    }

    /** Waits until the page shows this text somewhere (a refusal, a not-found page, a message). */
    protected void waitForText(String text) {
        waitUpTo(30).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    protected List<String> sideNavLabels() {
        return driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .map(e -> e.getText().strip()).filter(t -> !t.isEmpty()).toList();
    }

    protected WebElement waitFor(By by) {
        return waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Saves a screenshot under target/screenshots/ for a person to look at. */
    protected Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
