package dev.optagent.app.server;

import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.library.model.Created;
import dev.optagent.library.model.Example;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Status;
import dev.optagent.library.model.Taxonomy;
import dev.optagent.library.store.JsonFileStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat and the experience library in a real browser: an answer names the library's insights its model calls were
 * shown, each linked to its card on library.html; "Mark wrong" (with a note) and "Mark right" post the conversation's
 * problem and the answer to {@code POST /api/library/feedback}.
 */
@QuarkusTest
@TestProfile(ChatLibraryBrowserTest.DesksLibrary.class)
class ChatLibraryBrowserTest {

    static final String INSIGHT = "ins-desks-test";

    /** A writable library holding one active insight about the desks problem, so retrieval shows it. */
    public static class DesksLibrary implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String run = Long.toHexString(System.nanoTime());
            Path file = Path.of("target", "chat-library-" + run + ".json");
            Insight insight = new Insight(INSIGHT, 1, List.of(), Status.ACTIVE, "test", new Created("2026-12-03", "person", "test"),
                    new Taxonomy("formulate", "domain modeling", "production planning"),
                    "This applies when a workshop builds desks and chairs from units of wood, e.g. 'a desk needs 4 units'. "
                            + "It does not apply when the products are bought, not built.",
                    "Bound each product by the showroom space and the wood it uses.", new Example("desks <= 12", "4 * desks + chairs <= wood"), null);
            JsonFileStore.createIfMissing(file, "chat-test").update(library -> library.with(insight));
            return Map.of("optagent.library", file.toString(), "optagent.library-feedback", "target/chat-library-" + run + ".feedback.json");
        }
    }

    @TestHTTPResource("/")
    URI base;

    private Browser browser;

    @BeforeEach
    void open() {
        browser = Browser.open(1366, 900);
    }

    @AfterEach
    void close() {
        TestModels.use(null);
        if (browser != null) browser.close();
    }

    @Test
    void anAnswerShowsTheInsightsUsedAndIsMarkedWrongThenRight() throws Exception {
        TestModels.use(ScriptedChatModel.of(TestModels.desks("continuous", 12),
                "Whole units now.\n" + TestModels.desks("integer", 12)));
        var driver = browser.driver;
        driver.get(base.toString());
        browser.script("localStorage.clear();");
        driver.navigate().refresh();
        browser.recordErrors();
        browser.waitForText(By.id("model-status"), "scripted");

        driver.findElement(By.id("ask-input")).sendKeys(TestModels.DESKS_PROBLEM);
        driver.findElement(By.id("ask-send")).click();
        browser.waitForText(By.cssSelector("#answer .status-line"), "87");
        WebElement used = driver.findElement(By.cssSelector("#messages .insights-used a"));
        assertEquals(INSIGHT, used.getText());
        assertTrue(used.getAttribute("href").endsWith("/library.html#" + INSIGHT), used.getAttribute("href"));

        // Wrong, with a note and no expected value: recorded, waiting for a gold value.
        driver.findElement(By.cssSelector("#messages .mark-wrong")).click();
        driver.findElement(By.cssSelector("#messages .feedback-note")).sendKeys("chairs need a showroom limit too");
        driver.findElement(By.cssSelector("#messages .feedback-form button[type='submit']")).click();
        browser.waitForText(By.cssSelector("#messages .feedback-result"), "needs-gold");
        browser.screenshot("l1-marked-wrong");

        // A follow-up's answer marked right: kept with its answer as the known value.
        driver.findElement(By.id("ask-input")).sendKeys("Desks and chairs are whole units.");
        driver.findElement(By.id("ask-send")).click();
        browser.waitForText(By.cssSelector("#answer .status-line"), "84");
        List<WebElement> rights = driver.findElements(By.cssSelector("#messages .mark-right"));
        rights.getLast().click();
        browser.wait.until(d -> d.findElements(By.cssSelector("#messages .feedback-result")).getLast().getText().contains("confirmed"));
        browser.screenshot("l2-marked-right");

        List<Map<String, Object>> cases = given().get("/api/library/feedback").then().statusCode(200).extract().path("");
        assertEquals(2, cases.size(), cases.toString());
        Map<String, Object> wrong = cases.getFirst();
        assertEquals(TestModels.DESKS_PROBLEM, wrong.get("problem"));
        assertEquals("chairs need a showroom limit too", wrong.get("reason"));
        assertEquals(87.0, ((Number) wrong.get("answered")).doubleValue(), 1e-6);
        Map<String, Object> right = cases.getLast();
        assertEquals("confirmed", right.get("state"));
        assertTrue(((String) right.get("problem")).startsWith(TestModels.DESKS_PROBLEM) && ((String) right.get("problem")).contains("whole units"),
                "the conversation's problem with its requested change: " + right.get("problem"));
        assertEquals(84.0, ((Number) right.get("expected")).doubleValue(), 1e-6);

        // The link opens the library page at that insight.
        driver.get(used.getAttribute("href"));
        browser.recordErrors();
        browser.waitForText(By.id("summary"), "insights");
        browser.screenshot("l3-insight-linked");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + INSIGHT + ".linked")));
        assertTrue(driver.findElement(By.id(INSIGHT)).getText().contains("showroom space"));
        browser.screenshot("l3-insight-linked");
    }
}
