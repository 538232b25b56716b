package io.ctimw.app.middleware.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.app.middleware.testing.AgentHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent desktop in a real headless Chromium against the real middleware, simulator and PostgreSQL:
 * what an agent sees and does, and that the page keeps the rules its policy promises (no console errors).
 */
class DeskBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final By CALL = By.cssSelector("#calls li.call");

    private static WebFixture web;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        web = WebFixture.start("agent1", "agent2", "agent3", "agent4", "agent5");
        web.addAgent("agent1").addAgent("agent2").addAgent("agent4").addAgent("agent5")
                .addAgent("agent3", "events", "control:Answer", "control:Hangup");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        browser.size(Browser.DESKTOP);
        assertEquals(List.of(), browser.consoleErrors(), "the browser console");
    }

    /** The desk with short polls (?wait=2), so a session ended elsewhere shows within seconds. */
    private static String deskUrl() {
        return web.baseUrl() + "/desk/?wait=2";
    }

    private static void signIn(String login) {
        browser.openFresh(deskUrl());
        typeCredentials(login, WebFixture.PASSWORD);
        browser.visible(By.id("desk"));
        web.cti().awaitAttached(login, WAIT);
        // The phone's state arrived (from the attach or the desk's own GetUserState): the desk follows events.
        browser.await(d -> !d.findElement(By.id("state-now")).getText().equals("unknown"));
    }

    private static void typeCredentials(String login, String password) {
        WebElement field = browser.visible(By.id("login"));
        field.clear();
        field.sendKeys(login);
        browser.find(By.id("password")).sendKeys(password);
        browser.find(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    private static WebElement button(WebElement card, String command) {
        return card.findElement(By.cssSelector("button[data-command='" + command + "']"));
    }

    private static String facts(WebElement card) {
        return card.findElement(By.className("call-facts")).getText();
    }

    @Test
    void anAgentSignsInAndARingingCallAppearsAndAnswerHoldAndHangUpChangeIt() throws Exception {
        browser.openFresh(deskUrl());
        typeCredentials("agent1", "wrong-password");
        browser.await(d -> d.findElement(By.id("sign-in-message")).getText().contains("wrong"));
        assertFalse(browser.find(By.id("desk")).isDisplayed());

        signIn("agent1");
        web.cti().injectIncomingCall("agent1", "+79001234567");
        WebElement card = browser.visible(CALL);
        browser.await(d -> card.getText().contains("+79001234567"));
        assertTrue(facts(card).contains("incoming") && facts(card).contains("new"), facts(card));
        assertFalse(button(card, "Hold").isDisplayed(), "no hold before the call is answered");

        button(card, "Answer").click();
        browser.await(d -> facts(card).contains("connected"));
        assertFalse(button(card, "Answer").isDisplayed());
        button(card, "Hold").click();
        browser.await(d -> facts(card).contains("on hold"));
        assertEquals("Unhold", button(card, "Hold").getText());
        browser.screenshot("desk-call");

        button(card, "Hold").click();
        browser.await(d -> !facts(card).contains("on hold"));
        button(card, "Hangup").click();
        browser.await(d -> d.findElements(CALL).isEmpty());
        assertTrue(browser.find(By.id("no-calls")).isDisplayed());
        browser.screenshot("desk-feed");

        browser.find(By.id("dial-number")).sendKeys("+100200");
        browser.find(By.cssSelector("#make-call button[type=submit]")).click();
        WebElement outgoing = browser.visible(CALL);
        browser.await(d -> outgoing.getText().contains("+100200") && facts(outgoing).contains("outgoing"));
        button(outgoing, "Hangup").click();
        browser.await(d -> d.findElements(CALL).isEmpty());
        List<String> feed = browser.findAll(By.cssSelector("#feed li")).stream().map(WebElement::getText).toList();
        assertTrue(feed.get(0).contains("OnClose"), "newest first: " + feed);
    }

    @Test
    void aRefusedCommandShowsTheServersReason() {
        signIn("agent2");
        web.cti().injectIncomingCall("agent2", "+3311");
        WebElement card = browser.visible(CALL);
        button(card, "Answer").click();
        browser.await(d -> facts(card).contains("connected"));
        web.cti().faults().failNext("Hold", "hold is not licensed on this line");

        button(card, "Hold").click();

        String shown = browser.visible(By.id("command-error")).getText();
        assertTrue(shown.contains("Hold refused") && shown.contains("hold is not licensed on this line"), shown);
        assertFalse(facts(card).contains("on hold"));
        button(card, "Hangup").click();
        browser.await(d -> d.findElements(CALL).isEmpty());
        assertEquals("", browser.find(By.id("command-error")).getText(), "an accepted command clears the reason");

        new Select(browser.find(By.id("state-select"))).selectByValue("away");
        browser.find(By.id("state-apply")).click();
        browser.await(d -> d.findElement(By.id("state-now")).getText().startsWith("away"));
    }

    @Test
    void onlyTheGrantedCommandsAreShown() {
        signIn("agent3"); // events, Answer and Hangup only
        assertFalse(browser.find(By.id("make-call")).isDisplayed());
        assertFalse(browser.find(By.id("state-change")).isDisplayed());
        web.cti().injectIncomingCall("agent3", "+4400");
        WebElement card = browser.visible(CALL);
        button(card, "Answer").click();
        browser.await(d -> facts(card).contains("connected"));
        List<String> shown = card.findElements(By.cssSelector("[data-command]")).stream()
                .filter(WebElement::isDisplayed).map(e -> e.getDomAttribute("data-command")).distinct().toList();
        assertEquals(List.of("Hangup"), shown, "no hold, mute, transfer or keypad without their grants");
        button(card, "Hangup").click();
        browser.await(d -> d.findElements(CALL).isEmpty());
    }

    @Test
    void theBannerShowsWhileTheCtiLinkIsDownAndGoesWhenItIsBack() {
        signIn("agent4");
        assertFalse(browser.find(By.id("phone-banner")).isDisplayed());

        web.stopCti();
        WebElement banner = browser.visible(By.id("phone-banner"));
        assertTrue(banner.getText().contains("cannot be reached"), banner.getText());
        browser.screenshot("desk-phone-unavailable");

        web.restartCti();
        browser.await(d -> !d.findElement(By.id("phone-banner")).isDisplayed());
        web.cti().injectIncomingCall("agent4", "+5500");
        browser.visible(CALL);
    }

    /** The desk's feed holds exactly the login's stored events: none lost, none twice, across a reload and a restart. */
    @Test
    void aReloadAndAMiddlewareRestartNeitherLoseNorRepeatEvents() throws Exception {
        AgentHttp api = web.client().login("agent5", WebFixture.PASSWORD).settled(WAIT); // the phone is attached
        signIn("agent5");
        web.cti().injectIncomingCall("agent5", "+6601");
        browser.visible(CALL);
        browser.driver().navigate().refresh();
        browser.visible(CALL);

        web.restartMiddleware();
        web.cti().awaitAttached("agent5", WAIT);
        Object cid = web.cti().injectIncomingCall("agent5", "+6602");
        browser.await(d -> d.findElements(CALL).size() == 2);
        web.cti().remoteHangup("agent5", cid);
        browser.await(d -> d.findElements(By.cssSelector("#calls li.call[data-state='ended']")).size() == 1);

        List<Long> shown = new ArrayList<>();
        for (WebElement line : browser.findAll(By.cssSelector("#feed li"))) {
            shown.add(Long.parseLong(line.getDomAttribute("data-cursor")));
        }
        Collections.reverse(shown); // the feed is newest first
        List<Long> stored = new ArrayList<>();
        for (JsonNode event : api.events("after=" + (shown.get(0) - 1) + "&limit=1000")) {
            stored.add(event.path("_cursor").asLong());
        }
        assertEquals(stored, shown, "the desk's feed against the stored events");
        assertTrue(shown.size() >= 6, "both calls, the restart's re-attach: " + shown);
        assertFalse(browser.find(By.id("link-banner")).isDisplayed());
    }

    @Test
    void aBlockedAgentsOpenDesktopIsSignedOut() throws Exception {
        web.addAgent("agent6");
        web.cti().addOperator("agent6");
        signIn("agent6");

        web.setEnabled("agent6", false);

        String message = browser.visible(By.id("sign-in-message")).getText();
        assertTrue(message.contains("signed out"), message);
        assertFalse(browser.find(By.id("desk")).isDisplayed());
        assertEquals(null, browser.script("return sessionStorage.getItem('ctimw.desk.model')"), "nothing of it kept");
    }

    /** Every control has a name a screen reader can say, is a real (focusable) control, and fits a phone. */
    @Test
    void everyControlIsLabelledFocusableAndTheDeskFitsAPhone() throws Exception {
        HttpResponse<String> page = web.client().get("/desk/");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        browser.openFresh(deskUrl());
        assertEquals(List.of(), unlabelledControls(), "sign-in form");
        browser.screenshot("desk-sign-in");

        // Signed in and the call answered with the keyboard alone: the login field has the focus, Tab moves on.
        browser.await(d -> "login".equals(d.switchTo().activeElement().getDomAttribute("id")));
        browser.driver().switchTo().activeElement().sendKeys("agent1", Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys(WebFixture.PASSWORD, Keys.ENTER);
        browser.visible(By.id("desk"));
        web.cti().awaitAttached("agent1", WAIT);
        web.cti().injectIncomingCall("agent1", "+7700");
        WebElement card = browser.visible(CALL);
        assertEquals(List.of(), unlabelledControls(), "desk with a ringing call");
        browser.script("arguments[0].focus();", button(card, "Answer"));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.await(d -> facts(card).contains("connected"));
        assertEquals(List.of(), unlabelledControls(), "desk with a connected call");
        assertEquals(0L, browser.script("return [...document.querySelectorAll('[onclick], [tabindex], [role=button], [role=link]')]"
                + ".length"), "only native controls: no clickable or focusable divs and spans");

        for (var size : List.of(Browser.PHONE, Browser.DESKTOP)) {
            browser.size(size);
            Map<?, ?> fit = (Map<?, ?>) browser.script("return {scroll: document.documentElement.scrollWidth,"
                    + " width: document.documentElement.clientWidth};");
            assertTrue(((Long) fit.get("scroll")) <= ((Long) fit.get("width")), "no sideways scrolling at " + size + ": " + fit);
            assertTrue(button(card, "Hangup").isDisplayed(), "hang up reachable at " + size);
            browser.screenshot(size.equals(Browser.PHONE) ? "desk-phone" : "desk-desktop");
        }
        button(card, "Hangup").click();
        browser.await(d -> d.findElements(CALL).isEmpty());
    }

    /** Buttons, inputs and selects that are shown but have no accessible name (text, label or aria-label). */
    @SuppressWarnings("unchecked")
    private static List<String> unlabelledControls() {
        return (List<String>) browser.script("return [...document.querySelectorAll('button, input, select, textarea')]"
                + ".filter(e => e.offsetParent !== null)"
                + ".filter(e => !(e.getAttribute('aria-label') || (e.labels && e.labels.length > 0)"
                + "  || (e.tagName === 'BUTTON' && e.textContent.trim())))"
                + ".map(e => e.outerHTML);");
    }
}
