package io.ctimw.app.middleware.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.app.middleware.testing.AgentHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;

/**
 * The admin console in headless Chromium against the real middleware (embedded PostgreSQL, the CTI simulator):
 * what it shows is what the API answers, and what it does reaches the API's users at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final String PW = WebFixture.PASSWORD;
    private static final String ADMIN = WebFixture.ADMIN;

    private WebFixture web;
    private Browser browser;
    private ConsolePage page;
    private AgentHttp root;

    @BeforeAll
    void start() throws Exception {
        web = WebFixture.start("agent1", "agent2", "agent7", ADMIN).addAgent("agent1").addAgent("agent2");
        root = web.admin();
        browser = Browser.start();
        page = new ConsolePage(browser.driver(), web.baseUrl());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        web.close();
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = root.get(path);
        assertEquals(200, r.statusCode(), r.body());
        return AgentHttp.JSON.readTree(r.body());
    }

    /** Today's calls as the statistics count them (they only grow). */
    private long callsToday() throws Exception {
        JsonNode days = api("/api/v1/admin/stats/daily").get("days");
        return days.get(days.size() - 1).get("calls").asLong();
    }

    @Test
    @Order(1)
    void anAdministratorSignsInWithTheKeyboardAndTheDashboardShowsTheApiSFigures() throws Exception {
        web.client().login("agent1", PW);
        long before = callsToday();
        page.open();
        browser.screenshot("console-signin");
        page.signIn(ADMIN, PW);

        page.awaitText("#fig-database", "up");
        assertTrue(page.awaitFilled("#fig-cti").startsWith("up since "), page.text("#fig-cti"));
        JsonNode overview = api("/api/v1/admin/overview");
        assertEquals(1, overview.get("agentsOnline").asInt(), "agent1; admin is an administrator");
        page.awaitText("#fig-agents", overview.get("agentsOnline").asText());
        page.awaitText("#fig-phones", overview.get("phonesAttached").asText());
        page.awaitText("#fig-reconnect", "none since start");

        JsonNode days = api("/api/v1/admin/stats/daily").get("days");
        await().atMost(ConsolePage.WAIT).until(() -> page.rows("#calls-table").size() == days.size());
        List<List<String>> table = page.rows("#calls-table");
        assertEquals(IntStream.range(0, days.size()).mapToObj(i -> days.get(i).get("day").asText()).toList(),
                table.stream().map(row -> row.get(0)).toList());
        long shown = Long.parseLong(table.get(table.size() - 1).get(1));
        assertTrue(before <= shown && shown <= callsToday(), before + " <= " + shown + " <= today's calls now");
        assertEquals(2 * days.size(), page.all("#calls-chart rect").size(), "a calls and a bad-calls bar a day");
        await().atMost(ConsolePage.WAIT).until(() -> !page.text("#fig-rate").equals("measuring…"));
        page.script("window.scrollTo(0, 0)");
        browser.screenshot("console-dashboard");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @Order(2)
    void anAdministratorAddsAUserRemovesAGrantEndsASessionAndBlocksIt() throws Exception {
        page.go("users");
        await().atMost(ConsolePage.WAIT).until(() -> page.all("#users-table tr[data-login='agent1']").size() == 1);
        page.type("#add-login", "agent7");
        page.type("#add-password", PW);
        page.press("Add user");
        page.awaitText("#add-saved", "Added agent7.");
        await().atMost(ConsolePage.WAIT).until(() -> page.all("#users-table tr[data-login='agent7']").size() == 1);
        assertTrue(grantsOf("agent7").contains("events"));

        AgentHttp first = web.client().login("agent7", PW);
        AgentHttp second = web.client().login("agent7", PW);
        assertEquals(200, first.get("/api/v1/events").statusCode());

        page.press("Edit agent7");
        await().atMost(ConsolePage.WAIT).until(() -> page.rows("#edit-sessions").size() == 2);
        page.all("#edit-grant-list input[value='events']").get(0).click();
        page.press("Save changes");
        page.awaitText("#edit-saved", "Saved.");
        assertFalse(grantsOf("agent7").contains("events"));
        assertEquals(403, first.get("/api/v1/events").statusCode(), "the grant is gone from the next request on");

        String ended = page.rows("#edit-sessions").get(0).get(0);
        page.press("End session " + ended);
        await().atMost(ConsolePage.WAIT).until(() -> page.rows("#edit-sessions").size() == 1);
        List<Integer> statuses = new ArrayList<>(List.of(first.get("/api/v1/session").statusCode(),
                second.get("/api/v1/session").statusCode()));
        statuses.sort(null);
        assertEquals(List.of(200, 401), statuses, "exactly the ended session is gone");
        browser.screenshot("console-users");

        page.press("Block");
        page.awaitText("#edit-status", "blocked");
        assertFalse(api("/api/v1/admin/users/agent7").get("enabled").asBoolean());
        assertEquals(401, first.get("/api/v1/session").statusCode());
        assertEquals(401, second.get("/api/v1/session").statusCode(), "a blocked user's sessions end at once");

        page.go("audit");
        await().atMost(ConsolePage.WAIT).until(() -> page.rows("#audit-table").stream()
                .anyMatch(row -> row.get(1).equals("user-added") && row.get(3).equals("agent7")));

        page.go("requests");
        page.select("#req-status", "4xx");
        page.type("#req-login", "agent7");
        page.press("Show");
        // Until the filtered page replaced the unfiltered one: every row agent7's and 4xx, its refused poll among them.
        await().atMost(ConsolePage.WAIT).until(() -> page.rows("#requests-table"), rows -> !rows.isEmpty()
                && rows.stream().allMatch(row -> row.get(5).startsWith("4") && row.get(1).equals("agent7"))
                && rows.stream().anyMatch(row -> row.get(5).equals("403") && row.get(3).equals("/api/v1/events")));
        page.script("window.scrollTo(0, 0)");
        browser.screenshot("console-requests");
        assertEquals(List.of(), browser.consoleErrors());
    }

    private String grantsOf(String login) throws Exception {
        return api("/api/v1/admin/users/" + login).get("grants").toString();
    }

    @Test
    @Order(3)
    void anErrorIsShownNextToTheFieldItConcerns() throws Exception {
        page.go("users");
        page.type("#add-login", "no spaces allowed");
        page.type("#add-password", PW);
        page.press("Add user");
        assertTrue(page.awaitFilled("#add-form [data-error-for='login']").contains("'login'"));
        assertEquals("true", page.find("#add-login").getAttribute("aria-invalid"));
        page.type("#add-login", "agent8");
        page.type("#add-password", "short");
        page.press("Add user");
        assertTrue(page.awaitFilled("#add-form [data-error-for='password']").contains("at least 8"), "the core's rule");
        assertEquals("", page.text("#add-form [data-error-for='login']"), "the login's error is gone");

        page.go("settings");
        String setting = "login-throttle.max-failures";
        await().atMost(ConsolePage.WAIT).until(() -> page.visible("[name='" + setting + "']"));
        page.type("[name='" + setting + "']", "lots");
        page.press("Save " + setting);
        assertFalse(page.awaitFilled("[data-error-for='" + setting + "']").isEmpty());
        page.type("[name='" + setting + "']", "7");
        page.press("Save " + setting);
        page.awaitText("#settings-saved", "Saved " + setting + ".");
        JsonNode stored = api("/api/v1/admin/settings").get("settings");
        assertTrue(stored.toString().contains("{\"name\":\"" + setting + "\",\"value\":7"), stored::toString);
        page.script("window.scrollTo(0, 0)");
        browser.screenshot("console-settings");
        assertEquals(List.of(), browser.consoleErrors(), "the API's 400s are the page's to show, not errors");
    }

    @Test
    @Order(4)
    void aUserWhoIsNotAnAdministratorIsToldSo() {
        page.press("Sign out");
        page.awaitText("#signin-error", "Signed out.");
        page.signIn("agent1", PW);
        page.awaitText("#signin-error", "agent1 is not an administrator: this console is for administrators only.");
        assertFalse(page.visible("#nav"));
        assertFalse(page.visible("#dashboard"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @Order(5)
    void everyControlHasALabelAndEveryViewFitsAPhone() {
        page.open();
        page.signIn(ADMIN, PW);
        page.awaitText("#fig-database", "up");
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.size(size);
            for (String view : List.of("dashboard", "users", "requests", "audit", "settings")) {
                page.go(view);
                if (view.equals("users")) {
                    page.press("Edit agent1");
                    await().atMost(ConsolePage.WAIT).until(() -> page.visible("#user-edit"));
                }
                assertEquals(List.of(), page.unlabelledControls(), view);
                assertFalse(page.overflowsSideways(), view + " at " + size);
            }
        }
        page.go("dashboard");
        page.awaitText("#fig-database", "up");
        page.script("window.scrollTo(0, 0)");
        browser.screenshot("console-phone");
        assertEquals(List.of(), browser.consoleErrors());
    }
}
