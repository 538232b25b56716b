package io.ctimw.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.adapters.http.web.WebPages;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web pages' serving (policy, caching, what cannot be reached) and the rules every page's source keeps. */
class WebPagesTest {
    private static final Path WEB = Path.of("src/main/resources/web");
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void filesAreServedUnderThePolicyAndAPagesPathWithoutSlashRedirects() {
        HttpResponse<String> script = get("/web/common/api.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElse(""));
        assertTrue(script.body().contains("export async function api"), script.body());
        assertEquals(WebPages.POLICY, script.headers().firstValue("Content-Security-Policy").orElse(""));
        assertTrue(WebPages.POLICY.contains("script-src 'self';") && !WebPages.POLICY.contains("unsafe"), WebPages.POLICY);
        assertEquals("no-cache", script.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", script.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("text/css; charset=utf-8", get("/web/common/base.css").headers().firstValue("Content-Type").orElse(""));
        assertTrue(get("/web/vendor/uPlot.esm.js").body().contains("export"), "uPlot's ES module");

        for (String page : WebPages.PAGES) {
            HttpResponse<String> bare = get("/" + page);
            assertEquals(301, bare.statusCode(), page);
            assertEquals("/" + page + "/", bare.headers().firstValue("Location").orElse(""));
        }
    }

    @Test
    void anUnchangedFileIsA304ForItsETag() {
        HttpResponse<String> first = get("/web/common/base.css");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = server.send(server.request("/web/common/base.css").header("If-None-Match", etag).GET());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        HttpResponse<String> other = server.send(server.request("/web/common/base.css").header("If-None-Match", "\"x\"").GET());
        assertEquals(200, other.statusCode());
    }

    /** Unknown files, other folders, class files and escapes: none is served, each is a problem, not a listing. */
    @Test
    void nothingOutsideThePagesFoldersCanBeReached() {
        List<String> paths = List.of("/desk/nothing.js", "/desk/WebPages.class", "/desk/.hidden.js",
                "/web/common/", "/web/", "/web/desk/index.html", "/desk/..%2F..%2Flogback-test.xml",
                "/desk/%2e%2e/common/api.js", "/web/common/..%5c..%5cio%5cctimw%5cadapters%5chttp%5cdocs%5copenapi.json",
                "/web/common/../../io/ctimw/adapters/http/docs/openapi.json", "/web/vendor/package.json",
                "/console/../desk/index.html.bak");
        List<String> served = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> answer = get(path);
            if (answer.statusCode() == 200 || !answer.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
                served.add(path + " -> " + answer.statusCode() + " " + answer.headers().firstValue("Content-Type").orElse(""));
            }
            assertNotEquals(200, answer.statusCode(), path);
        }
        assertEquals(List.of(), served, "served, or answered with something other than a problem");
    }

    /** What the policy enforces in the browser, checked in the sources too: no inline code, no markup from strings. */
    @Test
    void thePagesHaveNoInlineScriptsStylesOrHandlersAndBuildNoMarkupFromStrings() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(WEB)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".js")), "no scripts in " + WEB);
        Pattern script = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        Pattern inlineAttribute = Pattern.compile("\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);
        for (Path file : files) {
            String text = Files.readString(file);
            String name = WEB.relativize(file).toString();
            if (name.endsWith(".html")) {
                Matcher m = script.matcher(text);
                while (m.find()) {
                    if (!m.group(1).contains("src=") || !m.group(2).isBlank()) {
                        wrong.add(name + ": inline script");
                    }
                    if (m.group(1).matches("(?s).*src=\"(https?:)?//.*")) {
                        wrong.add(name + ": script from another origin");
                    }
                }
                if (inlineAttribute.matcher(text).find()) {
                    wrong.add(name + ": inline handler or style attribute");
                }
                if (text.toLowerCase(java.util.Locale.ROOT).contains("<style")) {
                    wrong.add(name + ": inline style element");
                }
            }
            if (name.endsWith(".js")) {
                for (String banned : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                        "new Function")) {
                    if (text.contains(banned)) {
                        wrong.add(name + ": " + banned);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertFalse(files.isEmpty());
    }

    private HttpResponse<String> get(String path) {
        return server.send(server.request(path).GET());
    }
}
