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
 * The browser tests' real browser: Debian's headless chromium driven by chromedriver (.ci/run installs both; on a
 * machine without them the test is skipped). Screenshots go to app/target/screenshots/.
 */
final class HeadlessBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;

    private HeadlessBrowser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** A browser window of this size; skips the test when chromium or chromedriver is missing. */
    static HeadlessBrowser open(int width, int height) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium and chromedriver are not installed");
        return new HeadlessBrowser(width, height);
    }

    void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** From now on the page's script errors are collected, so a timeout can say what went wrong. */
    void collectErrors() {
        ((JavascriptExecutor) driver).executeScript("window.__errors = []; window.addEventListener('error', (e) => window.__errors.push(e.message));"
                + " window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));");
    }

    void waitForText(By where, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // The page's own errors say more than the timeout.
            throw new AssertionError("waiting for '" + text + "'; page errors: "
                    + ((JavascriptExecutor) driver).executeScript("return JSON.stringify(window.__errors || [])"), e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
