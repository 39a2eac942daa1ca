package dev.optagent.app.server;

import dev.optagent.agent.llm.ScriptedChatModel;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tuning page in a real browser, with a scripted model: a description in words, the proposed space edited,
 * the study created with the model's first trials, measured values entered, and the best-so-far plot drawn.
 */
@QuarkusTest
class TuningBrowserTest {

    private static final String PROPOSAL = """
            For a batch reactor the mixing ratio and the catalyst matter most.
            ```json
            {"subject": "a batch reactor's recipe", "metric": "impurity in ppm", "direction": "minimize", "context": "",
             "parameters": [{"name": "ratio", "type": "float", "low": 0, "high": 1, "description": "mixing ratio"},
                            {"name": "catalyst", "type": "categorical", "choices": ["a", "b"], "description": "which catalyst"}]}
            ```""";
    /** The warm start answers for the space as edited on the page (ratio up to 2). */
    private static final String WARM_START = """
            ```json
            {"configurations": [{"ratio": 0.3, "catalyst": "b"}, {"ratio": 1.6, "catalyst": "a"}, {"ratio": 1.0, "catalyst": "b"}]}
            ```""";

    @TestHTTPResource("/tuning.html")
    URI page;

    private Browser browser;

    @BeforeEach
    void open() {
        browser = Browser.open(1366, 1000);
        given().delete("/api/studies/browser-reactor");
    }

    @AfterEach
    void close() {
        TestModels.use(null);
        if (browser != null) browser.close();
        given().delete("/api/studies/browser-reactor");
    }

    @Test
    void describeProposeEditCreateMeasureAndWatchTheBestSoFar() throws Exception {
        ScriptedChatModel model = TestModels.use(ScriptedChatModel.of(PROPOSAL, WARM_START));
        WebDriver driver = browser.driver;
        driver.get(page.toString());
        browser.recordErrors();

        driver.findElement(By.id("describe")).sendKeys("The recipe of my batch reactor: how much to mix and which catalyst; less impurity is better.");
        driver.findElement(By.id("propose")).click();
        browser.waitForText(By.id("status"), "proposed 2 parameters");
        assertEquals("impurity in ppm", driver.findElement(By.id("metric")).getAttribute("value"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#space tbody tr"));
        assertEquals(2, rows.size());
        assertEquals("ratio", rows.get(0).findElement(By.cssSelector("[data-field='name']")).getAttribute("value"));

        // The user widens the ratio's range before creating the study.
        WebElement high = rows.get(0).findElement(By.cssSelector("[data-field='high']"));
        high.clear();
        high.sendKeys("2");
        WebElement name = driver.findElement(By.id("study-name"));
        name.clear();
        name.sendKeys("browser-reactor");
        WebElement initial = driver.findElement(By.id("initial-trials"));
        initial.clear();
        initial.sendKeys("3");
        driver.findElement(By.id("create")).click();
        browser.waitForText(By.id("status"), "Study browser-reactor created");
        String asked = given().get("/api/studies/browser-reactor").then().extract().path("warmStart[0].user");
        assertTrue(asked.contains("a real number in [0.0, 2.0]"), "the warm start is asked for the edited space: " + asked);
        assertEquals(0, model.remaining());
        browser.waitForText(By.id("trials"), "ratio = 0.3, catalyst = b");
        browser.screenshot("t1-study-created");

        WebElement q = driver.findElement(By.id("q"));
        q.clear();
        q.sendKeys("3");
        driver.findElement(By.id("suggest")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("#trials input[data-trial]")).size() == 3);
        String table = driver.findElement(By.id("trials")).getText();
        assertTrue(table.contains("ratio = 1.6, catalyst = a") && table.contains("ratio = 1, catalyst = b"), table);

        // Measured values, entered one by one (Enter records); then one more suggestion from the GP.
        measure(driver, List.of("40", "12.5", "25"));
        q.clear();
        q.sendKeys("1");
        driver.findElement(By.id("suggest")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("#trials input[data-trial]")).size() == 1);
        assertTrue(driver.findElement(By.id("trials")).getText().contains("ei"), "the fourth trial comes from expected improvement");
        measure(driver, List.of("9"));
        browser.waitForText(By.id("status"), "Best so far: 9 (trial 3)");

        List<WebElement> best = driver.findElements(By.cssSelector("#trials tr.best"));
        assertEquals(1, best.size());
        assertTrue(best.get(0).getText().startsWith("3"), best.get(0).getText());
        WebElement line = driver.findElement(By.cssSelector("#best-so-far polyline.best-line"));
        assertEquals(4, line.getAttribute("points").trim().split(" ").length, "one point per trial");
        assertEquals(4, driver.findElements(By.cssSelector("#best-so-far circle.measured")).size());
        String listed = driver.findElement(By.cssSelector("#studies option[value='browser-reactor']")).getAttribute("textContent");
        assertEquals("browser-reactor (4/4 measured, best 9)", listed);
        browser.screenshot("t2-best-so-far");

        // Reopened from the list after a reload: the study is the server's, not the page's.
        driver.navigate().refresh();
        browser.wait.until(d -> d.findElements(By.cssSelector("#studies option")).size() >= 2);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("studies"))).selectByValue("browser-reactor");
        browser.waitForText(By.id("trials"), "ratio = 0.3, catalyst = b");
        assertEquals(4, driver.findElements(By.cssSelector("#best-so-far circle.measured")).size());
    }

    private void measure(WebDriver driver, List<String> values) {
        for (String value : values) {
            int pending = driver.findElements(By.cssSelector("#trials input[data-trial]")).size();
            driver.findElement(By.cssSelector("#trials input[data-trial]")).sendKeys(value, Keys.ENTER);
            browser.wait.until(d -> d.findElements(By.cssSelector("#trials input[data-trial]")).size() == pending - 1);
        }
    }
}
