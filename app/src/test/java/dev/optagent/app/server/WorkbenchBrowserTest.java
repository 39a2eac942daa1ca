package dev.optagent.app.server;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's workbench in a real browser at 1366×900, without a language model: first visit, an example's
 * reference model solved in one click, sensitivity, a table cell edited and re-solved, a CSV imported and a
 * range pasted, two scenarios compared, an infeasible model with its smallest fix, a JSON syntax error with
 * line and column, and a reload that keeps the conversation. Screenshots go to app/target/screenshots/.
 */
@QuarkusTest
class WorkbenchBrowserTest {

    @TestHTTPResource("/")
    URI base;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void browser() {
        TestModels.use(null);
        browser = Browser.open(1366, 900);
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterEach
    void close() {
        if (browser != null) browser.close();
    }

    private void screenshot(String name) throws Exception {
        browser.screenshot(name);
    }

    private void waitForText(By where, String text) {
        browser.waitForText(where, text);
    }

    private void freshPage() {
        driver.get(base.toString());
        // Each test is a first visit: no stored conversation id in this browser.
        ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
        driver.navigate().refresh();
        browser.recordErrors();
        waitForText(By.id("model-status"), "no language model");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#starter-list li")));
    }

    private WebElement cell(String parameter, String row, String column) {
        return driver.findElement(By.cssSelector("[data-parameter='" + parameter + "'] input[data-row='" + row + "'][data-column='" + column + "']"));
    }

    @Test
    void firstVisitExampleInOneClickSensitivityTableEditScenariosAndReload() throws Exception {
        freshPage();
        WebElement notice = driver.findElement(By.id("model-help"));
        assertTrue(notice.isDisplayed());
        assertTrue(notice.getSize().getHeight() < 60, "one line, not a wall of setup text: " + notice.getSize());
        assertTrue(driver.findElement(By.id("ask-send")).getText().contains("needs a language model"));
        assertTrue(driver.findElement(By.id("starter-list")).getText().contains("Bakery"));
        screenshot("w1-first-visit");

        // A problem example: its reference model, solved in one click.
        driver.findElement(By.xpath("//li[contains(., 'Bakery')]//button[contains(., 'load its reference model and solve')]")).click();
        waitForText(By.cssSelector("#answer .status-line"), "OPTIMAL");
        String answer = driver.findElement(By.id("answer")).getText();
        assertTrue(answer.contains("$307.2"), "the objective with its unit: " + answer);
        assertTrue(answer.contains("What the limits are worth") && answer.contains("oven_time"), answer);
        assertTrue(driver.findElement(By.id("messages")).getText().contains("Solve this model."), "nothing was edited");
        screenshot("w2-example-solved");

        // Edit a table cell (more oven time) and re-solve from the model view.
        driver.findElement(By.id("tab-model")).click();
        WebElement oven = cell("oven_minutes", "oven_minutes", "value");
        oven.clear();
        oven.sendKeys("abc\t");
        assertTrue(oven.getAttribute("class").contains("bad"), "a non-number is refused in place");
        oven.clear();
        oven.sendKeys("1200\t");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-edited")));
        assertTrue(driver.findElement(By.id("json-editor")).getAttribute("value").contains("1200"));
        screenshot("w3-table-edited");
        driver.findElement(By.id("solve-model")).click();
        waitForText(By.id("messages"), "Solve my edited model.");
        // By hand: 0.5 b + 0.3 m <= 60 and 10 b + 15 m <= 1200 meet at m = 0, b = 120: 3.2 * 120 = 384 (muffins earn less per oven minute).
        waitForText(By.cssSelector("#answer .status-line"), "$384");

        // Two scenarios side by side.
        driver.findElement(By.id("tab-compare")).click();
        WebElement compare = driver.findElement(By.cssSelector("#compare table.compare"));
        String table = compare.getText();
        assertTrue(table.contains("307.2") && table.contains("Objective ($)"), table);
        assertEquals(2, compare.findElements(By.cssSelector("thead th")).size() - 1, table);
        assertFalse(compare.findElements(By.cssSelector("td.changed")).isEmpty(), "what differs is marked");
        screenshot("w4-scenarios");

        // A reload keeps the conversation, and the list of past conversations has it.
        wait.until(d -> new Select(d.findElement(By.id("history"))).getOptions().size() >= 2);
        driver.navigate().refresh();
        waitForText(By.id("messages"), "Solve my edited model.");
        waitForText(By.cssSelector("#answer .status-line"), "OPTIMAL");
        assertTrue(new Select(driver.findElement(By.id("history"))).getOptions().size() >= 2);
        driver.findElement(By.id("tab-compare")).click();
        assertTrue(driver.findElement(By.id("compare")).getText().contains("307.2"), "scenarios survive the reload");
        screenshot("w5-after-reload");

        // New conversation clears the editor and its state.
        driver.findElement(By.id("reset")).click();
        assertEquals("", driver.findElement(By.id("json-editor")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("starters")).isDisplayed());
    }

    @Test
    void csvImportPastedRangeSensitivityOfAnLpAndJsonSyntaxErrors() throws Exception {
        freshPage();
        new Select(driver.findElement(By.id("examples"))).selectByValue("formulations/transport");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-parameter='dist']")));
        // Import a CSV table of distances: markets across, plants down, names matched to the set elements.
        Path csv = Files.createTempFile("dist", ".csv");
        Files.writeString(csv, "Plants \\\\ Markets,new-york,chicago,topeka\nseattle,2.5,1.7,1.8\nsan-diego,2.5,1.8,1.5\n");
        WebElement file = driver.findElement(By.cssSelector("[data-parameter='dist'] input[type='file']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].classList.remove('visually-hidden')", file);
        file.sendKeys(csv.toString());
        waitForText(By.cssSelector("[data-parameter='dist'] .table-status"), "Imported 6 values");
        assertEquals("1.5", cell("dist", "san-diego", "topeka").getAttribute("value"));

        // A pasted spreadsheet range (tab-separated) with an unknown element is refused with the reason.
        driver.findElement(By.xpath("//div[@data-parameter='demand']//button[.='Paste a range']")).click();
        WebElement area = driver.findElement(By.cssSelector("[data-parameter='demand'] textarea"));
        // A paste puts tab-separated cells in the box at once (typing a tab would move the focus instead).
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", area, "new-york\t325\nboston\t10");
        driver.findElement(By.xpath("//div[@data-parameter='demand']//button[.='Apply']")).click();
        waitForText(By.cssSelector("[data-parameter='demand'] .table-status"), "not an element of Markets");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", area, "new-york\t325\nchicago\t300\ntopeka\t275");
        driver.findElement(By.xpath("//div[@data-parameter='demand']//button[.='Apply']")).click();
        waitForText(By.cssSelector("[data-parameter='demand'] .table-status"), "Imported 3 values");
        screenshot("w6-csv-imported");

        driver.findElement(By.id("solve-model")).click();
        waitForText(By.cssSelector("#answer .status-line"), "OPTIMAL");
        String sensitivity = driver.findElement(By.cssSelector("#answer .sensitivity")).getText();
        // New York is 2.5 from either plant, so one more case there costs 90 * 2.5 / 1000 = 0.225 (as in GAMS trnsport).
        assertTrue(sensitivity.contains("demand_met[new-york]") && sensitivity.contains("0.225"), sensitivity);
        assertTrue(sensitivity.contains("Shadow prices of the linear program"), sensitivity);
        // Reduced costs in the answer tab too: one row per shipping lane.
        String reduced = driver.findElement(By.cssSelector("#answer .reduced-costs")).getText();
        assertTrue(reduced.contains("Reduced cost") && reduced.split("ship\\[", -1).length - 1 == 6, reduced);
        assertTrue(sensitivity.contains("Price holds for limits in") && reduced.contains("Plan holds for costs in"), sensitivity);
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#answer .sensitivity').scrollIntoView()");
        screenshot("w7-sensitivity");
        assertTrue(driver.findElement(By.id("export-decisions")).isDisplayed());

        // A JSON syntax error in the editor says where, in the editor's terms.
        driver.findElement(By.id("tab-json")).click();
        ((JavascriptExecutor) driver).executeScript("const e = arguments[0]; e.value = '{\\n  \"name\": \"x\",\\n  \"sets\": [}\\n}';"
                + " e.dispatchEvent(new Event('input'));", driver.findElement(By.id("json-editor")));
        waitForText(By.id("json-status"), "line 3, column");
        assertFalse(driver.findElement(By.id("json-status")).getText().contains("Source"), "no parser internals");
        screenshot("w8-json-error");
    }

    @Test
    void anInfeasibleExampleShowsTheArithmeticAndTheSmallestFix() throws Exception {
        freshPage();
        driver.findElement(By.xpath("//li[contains(., 'Clinic')]//button[contains(., 'load its reference model and solve')]")).click();
        waitForText(By.cssSelector("#answer .status-line"), "INFEASIBLE");
        String conflict = driver.findElement(By.cssSelector("#answer .conflict")).getText();
        assertTrue(conflict.contains("to at least 16, but one_shift_each allows at most 15"), conflict);
        String fix = driver.findElement(By.cssSelector("#answer .relaxation")).getText();
        assertTrue(fix.contains("(by 1)") && fix.contains("Total change 1"), fix);
        assertFalse(driver.findElement(By.id("answer")).getText().contains("MPSOLVER"));
        screenshot("w9-infeasible");
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#answer .relaxation').scrollIntoView()");
        screenshot("w10-smallest-fix");
    }
}
