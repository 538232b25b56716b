package io.ctimw.app.middleware.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the web pages' tests, driven by Selenium through the Debian packages
 * {@code chromium} and {@code chromium-driver} (.ci/run installs them; nothing is downloaded at run time).
 * One per test class: starting Chromium costs a second or two. It reads the console's errors
 * ({@link #consoleErrors()}) and writes screenshots when {@code -Dscreenshots.dir} is given.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    public static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration WAIT = Duration.ofSeconds(20); // generous: CI shares its cores

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** @throws IllegalStateException naming the missing package when Chromium or its driver is not installed */
    public static Browser start() {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: apt-get install chromium chromium-driver"
                        + " (.ci/run does it)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new Browser(driver);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Opens {@code url} as a first visit would: no cookies, empty session and local storage. */
    public Browser openFresh(String url) {
        driver.get(url);
        driver.manage().deleteAllCookies();
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.get(url);
        return this;
    }

    /** Runs JavaScript in the page and returns its result (Selenium's conversions: Long, Boolean, List, Map ...). */
    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    /** The window's size; the pages must work at {@link #DESKTOP} and at {@link #PHONE}. */
    public Browser size(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /** Waits (up to 20 s) until the condition gives a non-null, non-false value, and returns it. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits until an element matching {@code by} is displayed. */
    public WebElement visible(By by) {
        return await(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * The SEVERE console messages since the last call (script errors, CSP violations, failed assets), except
     * Chromium's network lines for requests to the JSON API, which the page handles itself and shows (a 401
     * on an ended session, a refused command's 4xx, the middleware unreachable while it restarts).
     */
    public List<String> consoleErrors() {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            boolean handledApiAnswer = message.contains("/api/v1/") && message.contains("Failed to load resource");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !handledApiAnswer) {
                severe.add(message);
            }
        }
        return severe;
    }

    /** Writes {@code <name>.png} into {@code -Dscreenshots.dir} when that is set; the path written, if any. */
    public Optional<Path> screenshot(String name) {
        String dir = System.getProperty("screenshots.dir");
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
