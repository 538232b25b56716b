package io.ctimw.app.middleware.browser;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The admin console as a test drives it: by its labels, ids and the names its controls announce. */
final class ConsolePage {
    static final Duration WAIT = Duration.ofSeconds(20); // as Browser's: CI shares its cores

    private final WebDriver driver;
    private final String base;

    ConsolePage(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    void open() {
        driver.get(base + "/console/");
        await().atMost(WAIT).until(() -> visible("#signin") || visible("#dashboard"));
    }

    /** Signs in with the keyboard only: type, Tab, type, Enter. */
    void signIn(String login, String password) {
        WebElement field = find("#signin-login");
        field.clear();
        field.sendKeys(login, Keys.TAB, password, Keys.ENTER);
    }

    void go(String view) {
        driver.get(base + "/console/#" + view);
        await().atMost(WAIT).until(() -> visible("#" + view));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean visible(String css) {
        List<WebElement> found = all(css);
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** The element's rendered text, read in one script (never a stale element while the page re-renders). */
    String text(String css) {
        return ((String) script("return document.querySelector(arguments[0]).innerText;", css)).trim();
    }

    /** Waits until the element's text is the expected one; returns it. */
    String awaitText(String css, String expected) {
        await().atMost(WAIT).until(() -> text(css), expected::equals);
        return expected;
    }

    /** Waits until the element's text is not empty and not the placeholder. */
    String awaitFilled(String css) {
        return await().atMost(WAIT).until(() -> text(css), t -> !t.isEmpty() && !t.equals("…"));
    }

    void type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    void select(String css, String visibleText) {
        new Select(find(css)).selectByVisibleText(visibleText);
    }

    void click(String css) {
        find(css).click();
    }

    /** The button whose accessible name (aria-label, else text) is this. */
    void press(String name) {
        driver.findElements(By.tagName("button")).stream()
                .filter(b -> name.equals(b.getAttribute("aria-label")) || name.equals(b.getText().trim()))
                .filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError("no visible button named " + name)).click();
    }

    /**
     * The cells' texts of each row of a table body, but the "nothing to show" row; read in one script, so a
     * table re-rendered meanwhile gives one whole state, never a mix (or a stale element).
     */
    @SuppressWarnings("unchecked")
    List<List<String>> rows(String table) {
        return (List<List<String>>) script("""
                return [...document.querySelectorAll(arguments[0] + ' tbody tr')]
                  .filter(tr => !tr.querySelector('td.empty'))
                  .map(tr => [...tr.cells].map(td => td.textContent.trim()));""", table);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Controls (input, select, textarea, button) with no accessible name: no label for them, no aria-label, no text. */
    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) script("""
                return [...document.querySelectorAll('input, select, textarea, button')].filter(c => {
                  if ((c.getAttribute('aria-label') || '').trim()) return false;
                  if (c.tagName === 'BUTTON') return !c.textContent.trim();
                  const label = c.id && document.querySelector(`label[for="${CSS.escape(c.id)}"]`);
                  return !(label && label.textContent.trim()) && !c.closest('label');
                }).map(c => c.outerHTML);""");
    }

    /** Whether the page is wider than the window (a phone would scroll the whole page sideways). */
    boolean overflowsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth;");
    }
}
