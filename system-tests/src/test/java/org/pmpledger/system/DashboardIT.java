package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.TestTokens;

/**
 * The dashboard in a real browser (Debian's headless Chromium through its ChromeDriver) against both services as
 * shipped, with plans and progress sent over HTTP: the comparison table shows the API's numbers and sorts, the charts
 * draw a mark per agency, an agency editor sees only its own plans, and nothing the page does breaks its
 * Content-Security-Policy. Screenshots go to {@code system-tests/target/screenshots/}.
 */
class DashboardIT {

    static final TestTokens TOKENS = Stack.TOKENS;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Debian's packages chromium and chromium-driver. */
    static final String CHROMIUM = "/usr/bin/chromium";

    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Map<String, Double> Q1 =
            Map.of("NAPA", 62.4, "SONOMA", 58.1, "LAKE", 64.9, "PLUMAS", 60.2, "ORANGE", 66.3, "SAN_DIEGO", 61.0);

    static Stack stack;
    static ChromeDriver browser;
    static long position;

    @BeforeAll
    static void plansWithProgressAndABrowser() throws IOException {
        stack = Stack.get();
        for (Map.Entry<String, Double> agency : Q1.entrySet()) {
            String editor = TOKENS.lcsaEditor(agency.getKey());
            String planId = stack.draftPlan(editor, agency.getKey());
            Answer submitted = stack.commands.post("/api/v1/plans/" + planId + "/submission", editor, null);
            assertThat(submitted.status()).as(submitted.response().body()).isEqualTo(200);
            String entryId = stack.queries
                    .get("/api/v1/plans/" + planId + "?minVersion=3", editor)
                    .body()
                    .get("entries")
                    .get(0)
                    .get("entryId")
                    .asString();
            Answer recorded = stack.commands.send(
                    "PUT",
                    "/api/v1/plans/" + planId + "/entries/" + entryId + "/progress/Q1",
                    editor,
                    Map.of("value", agency.getValue(), "narrative", "First quarter"),
                    Map.of());
            assertThat(recorded.status()).as(recorded.response().body()).isEqualTo(200);
            position = Math.max(position, recorded.body().get("position").asLong());
        }
        Answer caseloads = stack.commands.post(
                "/api/v1/cycles/" + Stack.FFY + "/caseloads",
                TOKENS.stateAdmin(),
                Map.of(
                        "caseloads",
                        Q1.keySet().stream()
                                .map(lcsa -> Map.of(
                                        "lcsa", lcsa, "cases", 1_000 + lcsa.length() * 1_000, "asOf", "2021-09-30"))
                                .toList()));
        assertThat(caseloads.status()).as(caseloads.response().body()).isEqualTo(200);
        position = Math.max(position, caseloads.body().get("position").asLong());
        assertThat(stack.queries
                        .get(
                                "/api/v1/cycles/" + Stack.FFY + "/indicators/SPM-2/comparison?minPosition=" + position,
                                TOKENS.analyst())
                        .status())
                .isEqualTo(200);
        assertThat(Path.of(CHROMIUM))
                .as("a headless Chromium: apt-get install -y chromium chromium-driver, as .ci/run does")
                .isExecutable();
        assertThat(Path.of(CHROMEDRIVER))
                .as("ChromeDriver: apt-get install -y chromium-driver")
                .isExecutable();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2200", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void browserClosed() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void signInAs(String token) {
        browser.get(stack.queries.baseUrl() + "/dashboard/");
        WebElement field = browser.findElement(By.id("paste-token"));
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.cssSelector("#paste button[type=submit]")).click();
    }

    private static void open(String hash, By ready) {
        browser.get(stack.queries.baseUrl() + "/dashboard/#" + hash);
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(ready));
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static Map<String, String> column(String table, String column) {
        Map<String, String> values = new HashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            values.put(
                    row.getAttribute("data-key"),
                    row.findElement(By.cssSelector("td[data-column='" + column + "']"))
                            .getText()
                            .trim());
        }
        return values;
    }

    @Test
    void theComparisonTableShowsTheApisNumbers() throws IOException {
        signInAs(TOKENS.analyst());
        open("comparison?ffy=2022&indicator=SPM-2", By.cssSelector("#comparison-table tbody tr"));
        JsonNode api = stack.queries
                .get("/api/v1/cycles/2022/indicators/SPM-2/comparison", TOKENS.analyst())
                .body();

        Map<String, String> latest = column("comparison-table", "latest");
        Map<String, String> status = column("comparison-table", "status");
        for (JsonNode agency : api.get("agencies")) {
            String lcsa = agency.get("lcsa").asString();
            if (agency.get("latest").isNull()) {
                assertThat(latest.get(lcsa)).as(lcsa).isEmpty();
            } else {
                assertThat(Double.parseDouble(latest.get(lcsa)))
                        .as(lcsa)
                        .isEqualTo(agency.get("latest").asDouble());
            }
            assertThat(status.get(lcsa))
                    .as(lcsa)
                    .isEqualTo(agency.get("status").asString().replace('_', ' '));
        }
        assertThat(latest).containsEntry("NAPA", "62.4");
        screenshot("comparison-ffy2022-spm-2");
    }

    @Test
    void aColumnSortsWhenItsHeaderIsChosen() {
        signInAs(TOKENS.analyst());
        open("comparison?ffy=2022&indicator=SPM-2", By.cssSelector("#comparison-table tbody tr"));

        WebElement header = browser.findElement(By.cssSelector("#comparison-table th[data-column='latest']"));
        header.findElement(By.tagName("button")).click();

        assertThat(header.getAttribute("aria-sort")).isEqualTo("ascending");
        List<Double> values = new ArrayList<>();
        for (WebElement cell : browser.findElements(By.cssSelector("#comparison-table td[data-column='latest']"))) {
            if (!cell.getText().isBlank()) {
                values.add(Double.parseDouble(cell.getText().trim()));
            }
        }
        assertThat(values).hasSizeGreaterThanOrEqualTo(Q1.size()).isSorted();
    }

    @Test
    void theChartsDrawAMarkPerReportingAgency() {
        signInAs(TOKENS.analyst());
        open("comparison?ffy=2022&indicator=SPM-2", By.cssSelector("svg[data-chart='dot-plot']"));
        int reporting = stack.queries
                .get("/api/v1/cycles/2022/indicators/SPM-2/comparison", TOKENS.analyst())
                .body()
                .get("statewide")
                .get("reporting")
                .asInt();

        assertThat(browser.findElements(By.cssSelector("svg[data-chart='dot-plot'] .dot")))
                .hasSize(reporting);
        assertThat(browser.findElements(By.cssSelector("svg[data-chart='slope'] line[data-lcsa]")))
                .hasSize(reporting);
        assertThat(browser.findElements(By.cssSelector("svg[data-chart='status-counts'] rect")))
                .hasSize(5);
        assertThat(browser.findElement(By.cssSelector("svg[data-chart='dot-plot'] title"))
                        .getAttribute("textContent"))
                .contains("SPM-2");
    }

    @Test
    void peersOfSimilarCaseloadGetAChartEach() {
        signInAs(TOKENS.analyst());
        open("comparison?ffy=2022&indicator=SPM-2", By.cssSelector("svg[data-chart='peer-dot-plot']"));

        assertThat(browser.findElements(By.cssSelector("svg[data-chart='peer-dot-plot']")))
                .hasSize(3);
        assertThat(browser.findElements(By.cssSelector("svg[data-chart='peer-dot-plot'] .dot")))
                .hasSize(Q1.size());
    }

    @Test
    void anAgencyEditorSeesOnlyItsOwnAgencysPlans() throws IOException {
        signInAs(TOKENS.lcsaEditor("NAPA"));
        open("plans?ffy=2022", By.cssSelector("#plans-table tbody tr"));

        assertThat(column("plans-table", "lcsa").values()).containsOnly("NAPA");
        screenshot("plans-as-napa-editor");
    }

    @Test
    void aPlansPageShowsItInItsTemplateWithItsQuarterlyValue() throws IOException {
        signInAs(TOKENS.analyst());
        open("comparison?ffy=2022&indicator=SPM-2", By.cssSelector("#comparison-table tbody tr"));
        browser.findElement(By.cssSelector("#comparison-table tr[data-key='NAPA'] a"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.plan-form")));

        String page = browser.findElement(By.id("view")).getText();
        assertThat(page).contains("NAPA", "Key initiative", "SPM-2", "62.4", "First quarter", "Download PDF");
        screenshot("plan-napa");
    }

    @Test
    void nothingThePagesDoBreaksTheirContentSecurityPolicy() {
        signInAs(TOKENS.analyst());
        open("comparison?ffy=2022&indicator=SPM-2", By.cssSelector("svg[data-chart='dot-plot']"));
        open("due", By.cssSelector("#due-table"));
        open("plans?ffy=2022", By.cssSelector("#plans-table"));
        open("assistance", By.cssSelector("#assistance-table"));
        open("compliance?ffy=2022", By.cssSelector("#compliance-table"));

        List<LogEntry> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getMessage().contains("Content Security Policy"))
                .toList();
        assertThat(violations).isEmpty();
        Answer page = stack.queries.get("/dashboard/index.html", null);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'");
    }
}
