package dev.optagent.app.server;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The real browser of the UI tests: Debian's headless chromium driven by chromedriver at a given window size, with
 * screenshots to app/target/screenshots/ and waits that report the page's own script errors. A test on a machine
 * without chromium is skipped (.ci/run installs it).
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static Browser open(int width, int height) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium and chromedriver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
        return new Browser(new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Records the page's uncaught errors, so a wait that times out can say what broke. */
    void recordErrors() {
        script("window.__errors = []; window.addEventListener('error', (e) => window.__errors.push(e.message));"
                + " window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));");
    }

    void waitForText(By where, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // The page's own errors say more than the timeout.
            throw new AssertionError("waiting for '" + text + "'; page errors: " + script("return JSON.stringify(window.__errors || [])"), e);
        }
    }

    void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
