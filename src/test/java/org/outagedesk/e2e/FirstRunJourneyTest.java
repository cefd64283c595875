package org.outagedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.outagedesk.KeepsSecurityContextStrategy;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.TestDatabase;
import org.outagedesk.base.SystemActor;
import org.outagedesk.holds.SaleStatusService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The first run of a real installation in Chromium: the {@code prod} profile on an empty database, its first incident
 * manager is sent to Getting started, uploads the catalog on the Catalog screen, creates a store manager, opens an
 * incident and places a hold, and the till's answer changes. Not an {@link BrowserTest}: it needs its own
 * application (the prod profile), not the shared demo one.
 */
// a second application in this JVM replaces the global security-context strategy: put it back afterwards
@ExtendWith(KeepsSecurityContextStrategy.class)
class FirstRunJourneyTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary",
            "/usr/bin/chromedriver"));
    private static final String PASSWORD = "a-long-and-unusual-secret";

    private static ConfigurableApplicationContext app;
    private static WebDriver driver;
    private static int port;
    /** Put back when the prod application closes: see ProductionFirstRunApiTest. */
    private static SecurityContextHolderStrategy shared;

    @BeforeAll
    static void start() {
        if (!(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))) {
            String message = "Chromium or ChromeDriver not found at " + CHROMIUM + " / " + CHROMEDRIVER;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true: end-to-end tests must run. " + message);
            }
            Assumptions.abort("Skipping end-to-end tests. " + message);
        }
        shared = SecurityContextHolder.getContextHolderStrategy();
        app = new SpringApplicationBuilder(OutageDeskApplication.class).run(Stream.concat(
                Stream.of(TestDatabase.freshDatabaseArgs("first-run")),
                Stream.of("--spring.profiles.active=prod", "--server.port=0", "--logging.level.root=warn",
                        "--vaadin.devmode.devTools.enabled=false", "--outagedesk.security.admin-username=chief",
                        "--outagedesk.security.admin-password=" + PASSWORD)).toArray(String[]::new));
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=en-US");
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
    }

    @Test
    void the_first_incident_manager_gets_started_in_the_console() throws Exception {
        driver.get(url("login"));
        WebElement user = waitUpTo(90).until(ExpectedConditions.presenceOfElementLocated(
                By.id("username")));
        user.sendKeys("chief");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("sign-in")).click();

        // an empty installation: Getting started is the home, every step missing
        waitUpTo(90).until(d -> d.getCurrentUrl().contains("getting-started"));
        waitFor(By.id("step-regions"));
        assertThat(driver.findElement(By.id("step-regions")).getAttribute("data-done")).isEqualTo("false");
        screenshot("first-run-getting-started");

        // the catalog, file by file, from the links of Getting started
        driver.findElement(By.cssSelector("#go-regions")).click();
        waitFor(By.id("regions-import-upload"));
        upload("regions-import-upload", "regions.csv");
        waitUpTo(60).until(d -> d.findElement(By.id("regions-import-report")).getText().contains("8 regions added"));
        tab("SKUs");
        upload("skus-import-upload", "skus.csv");
        waitUpTo(60).until(d -> d.findElement(By.id("skus-import-report")).getText().contains("SKUs added"));
        tab("Stores");
        upload("stores-import-upload", "stores.csv");
        waitUpTo(90).until(d -> d.findElement(By.id("stores-import-report")).getText().contains("300 stores added"));
        screenshot("first-run-catalog");

        // a store manager for the Upper West Side dealer
        driver.get(url("users"));
        waitFor(By.id("new-user")).click();
        field("vaadin-text-field", "Username").sendKeys("uws");
        field("vaadin-text-field", "Name").sendKeys("Broadway Wireless manager");
        labelled("vaadin-select", "Role").click();
        waitUpTo(30).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.getText().strip().equals("Store manager")).findFirst().orElse(null)).click();
        WebElement store = field("vaadin-combo-box", "Store");
        store.sendKeys("D-NY-UWS-01");
        waitUpTo(30).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.getText().contains("D-NY-UWS-01")).findFirst().orElse(null)).click();
        field("vaadin-password-field", "Initial password").sendKeys("another-long-secret");
        driver.findElement(By.id("user-dialog-save")).click();
        waitUpTo(30).until(d -> d.findElements(By.id("user-dialog-save")).isEmpty());

        // the incident, opened from Getting started
        driver.get(url("getting-started"));
        waitFor(By.id("open-incident")).click();
        field("vaadin-text-field", "Title").sendKeys("Sidekick data service outage");
        field("vaadin-text-field", "Services affected").sendKeys("data sync, e-mail, web");
        driver.findElement(By.id("new-incident-save")).click();
        // the steps are drawn again when the incident is saved: an element read a moment before may be gone
        waitUpTo(30).ignoring(StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.id("step-incident")).getAttribute("data-done")));
        assertThat(driver.findElement(By.id("step-store-manager")).getAttribute("data-done")).isEqualTo("true");
        assertThat(driver.findElement(By.id("step-stores")).getAttribute("data-done")).isEqualTo("true");
        screenshot("first-run-getting-started-after");

        // the stop-sale, on the Stop-sales screen
        driver.get(url("holds"));
        waitFor(By.id("place-hold")).click();
        WebElement family = field("vaadin-combo-box", "Family");
        family.sendKeys("SIDEKICK");
        waitUpTo(30).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.getText().strip().equals("SIDEKICK")).findFirst().orElse(null)).click();
        for (WebElement box : driver.findElements(By.cssSelector("vaadin-checkbox"))) {
            if (box.getText().startsWith("Company stores") || box.getText().startsWith("Third-party retailers")) {
                box.click();
            }
        }
        field("vaadin-text-area", "Reason (stores see it)").sendKeys("Sidekick sales on hold");
        driver.findElement(By.id("place-hold-submit")).click();
        waitUpTo(30).until(d -> d.findElements(By.id("place-hold-submit")).isEmpty());
        screenshot("first-run-hold");

        // what the till of the dealer is told now
        SaleStatusService sales = app.getBean(SaleStatusService.class);
        assertThat(SystemActor.call(() -> sales.status("SK-LX09-CARBLA", "D-NY-UWS-01")).sellable()).isFalse();
    }

    private static String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static WebElement waitFor(By by) {
        return waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** A Vaadin field by its label (a property, not an attribute), visible in the page. */
    private static WebElement labelled(String tag, String label) {
        return waitUpTo(30).until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll(arguments[0])].find(e => e.label === arguments[1]"
                        + " && e.offsetParent !== null) || null;", tag, label));
    }

    /** The input (or textarea) inside a Vaadin field, found by the field's label. */
    private static WebElement field(String tag, String label) {
        WebElement host = labelled(tag, label);
        return host.findElement(By.cssSelector(tag.equals("vaadin-text-area") ? "textarea" : "input"));
    }

    private static void tab(String label) {
        driver.findElements(By.cssSelector("vaadin-tab")).stream().filter(t -> t.getText().strip().equals(label))
                .findFirst().orElseThrow().click();
    }

    /** Gives a sample file to a vaadin-upload's file input. */
    private static void upload(String uploadId, String sampleFile) {
        WebElement input = waitUpTo(30).until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "const u = document.getElementById(arguments[0]); if (!u) return null;"
                        + "return u.querySelector('input[type=file]')"
                        + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]')) || null;", uploadId));
        input.sendKeys(Path.of("sample-data", sampleFile).toAbsolutePath().toString());
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
