package dev.optagent.app.server;

import dev.optagent.agent.llm.ScriptedChatModel;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real browser (Debian's chromium, driven by chromedriver) uses the UI: types a problem, sees the stages
 * stream, the model rendered as mathematics and the answer; edits a constraint and re-solves; asks a
 * follow-up. Screenshots go to app/target/screenshots/.
 */
@QuarkusTest
class BrowserTest {

    @TestHTTPResource("/")
    URI base;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void browser() {
        browser = Browser.open(1440, 1000);
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterEach
    void close() {
        TestModels.use(null);
        if (browser != null) browser.close();
    }

    private void screenshot(String name) throws Exception {
        browser.screenshot(name);
    }

    private void waitForText(By where, String text) {
        browser.waitForText(where, text);
    }

    @Test
    void chatRenderEditAndFollowUp() throws Exception {
        TestModels.use(ScriptedChatModel.of(
                TestModels.desks("continuous", 12),
                "Desks and chairs are whole units now.\n" + TestModels.desks("integer", 12)));
        driver.get(base.toString());
        waitForText(By.id("model-status"), "scripted");

        driver.findElement(By.id("ask-input")).sendKeys(TestModels.DESKS_PROBLEM);
        driver.findElement(By.id("ask-send")).click();
        waitForText(By.id("messages"), "Writing the formulation");
        waitForText(By.cssSelector("#answer .status-line"), "87");
        assertTrue(driver.findElement(By.id("messages")).getText().contains("Checking and solving"));
        String answerPane = driver.findElement(By.id("answer")).getText();
        assertTrue(answerPane.contains("Assumed where the problem is silent or ambiguous"), answerPane);
        assertTrue(answerPane.contains(TestModels.ASSUMPTION), answerPane);
        screenshot("1-answer");

        driver.findElement(By.id("tab-model")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#math .katex")));
        assertTrue(driver.findElement(By.id("math")).getText().contains("max"));
        assertTrue(driver.findElement(By.id("model-data")).getText().contains("wood"));
        screenshot("2-model");

        // Edit a constraint in the JSON editor (at most one desk) and re-solve without the model.
        driver.findElement(By.id("tab-json")).click();
        WebElement editor = driver.findElement(By.id("json-editor"));
        String json = editor.getAttribute("value");
        assertTrue(json.contains("desks <= 2.5"), json);
        ((JavascriptExecutor) driver).executeScript(
                "const e = arguments[0]; e.value = e.value.replace('desks <= 2.5', 'desks <= 1'); e.dispatchEvent(new Event('input'));", editor);
        waitForText(By.id("json-status"), "Valid");
        driver.findElement(By.id("solve-json")).click();
        waitForText(By.cssSelector("#answer .status-line"), "78");
        screenshot("3-edited");

        // A typo in the editor shows where and what, with a suggestion, in place.
        ((JavascriptExecutor) driver).executeScript(
                "const e = arguments[0]; e.value = e.value.replace('30 * desks', '30 * deks'); e.dispatchEvent(new Event('input'));",
                driver.findElement(By.id("json-editor")));
        driver.findElement(By.id("tab-json")).click();
        waitForText(By.id("json-diagnostics"), "did you mean");
        screenshot("4-invalid");

        // A follow-up in words changes the model and shows what changed.
        driver.findElement(By.id("ask-input")).sendKeys("Desks and chairs come in whole numbers.");
        driver.findElement(By.id("ask-send")).click();
        waitForText(By.cssSelector("#answer .status-line"), "84");
        String chat = driver.findElement(By.id("messages")).getText();
        assertTrue(chat.contains("What changed in the model"), chat);
        assertTrue(chat.contains("continuous → integer"), chat);
        assertFalse(driver.getPageSource().contains("<script>alert"), "model text is never HTML");
        screenshot("5-follow-up");
    }

    @Test
    void withoutAModelItSaysHowToConfigureOneAndStillWorksAsAWorkbench() throws Exception {
        TestModels.use(null);
        driver.get(base.toString());
        waitForText(By.id("model-status"), "no language model");
        assertTrue(driver.findElement(By.id("model-help")).isDisplayed());
        // The how-to sits behind "How to enable chat" (one line by default), so read it without opening.
        assertTrue(driver.findElement(By.id("model-help-text")).getAttribute("textContent").contains("OPENAI_API_KEY"));

        // Load an example model from the menu, see it rendered, solve it without any model.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("examples"))).selectByValue("formulations/staffing");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#math .katex")));
        driver.findElement(By.id("tab-json")).click();
        waitForText(By.id("json-status"), "Valid MILP");
        driver.findElement(By.id("solve-json")).click();
        waitForText(By.cssSelector("#answer .status-line"), "objective 50");
        screenshot("6-workbench");

        // An impossible edit: the answer names the conflicting requirements.
        driver.findElement(By.id("tab-json")).click();
        ((JavascriptExecutor) driver).executeScript("const e = arguments[0]; e.value = e.value.replace('\"constraints\": [',"
                + " '\"constraints\": [{\"name\": \"tiny_budget\", \"expression\": \"sum(start[s] for s in Shifts) <= 10\"},');"
                + " e.dispatchEvent(new Event('input'));", driver.findElement(By.id("json-editor")));
        waitForText(By.id("json-status"), "Valid");
        driver.findElement(By.id("solve-json")).click();
        waitForText(By.cssSelector("#answer .status-line"), "INFEASIBLE");
        String conflict = driver.findElement(By.cssSelector("#answer .conflict")).getText();
        assertTrue(conflict.contains("These requirements conflict") && conflict.contains("tiny_budget") && conflict.contains("cover["), conflict);
        screenshot("7-infeasible");

        // Asking in words without a model is refused with the reason, and nothing is lost.
        driver.findElement(By.id("ask-input")).sendKeys("Add a seventh shift.");
        driver.findElement(By.id("ask-send")).click();
        waitForText(By.id("messages"), "No language model configured");
        assertTrue(driver.findElement(By.id("json-editor")).getAttribute("value").contains("staffing"));
    }
}
