package io.ctimw.adapters.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's description ({@code /api/v1/openapi.json}, written by hand next to this class) and
 * {@code /docs}, a page that renders it with Swagger UI from the webjar on the classpath: the
 * middleware serves every byte itself, so the page works where no CDN can be reached.
 */
final class DocsHandlers {
    private static final String OWN = "/io/ctimw/adapters/http/docs/";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    /** Only these files are served under /docs/: the page's assets, never an arbitrary classpath path. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "docs.js", "text/javascript; charset=utf-8");
    /** Swagger UI styles itself inline and loads the description from this origin; nothing else is allowed. */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final String webjarFolder = WEBJAR + webjarVersion() + "/";

    /** {@code GET /api/v1/openapi.json}. */
    public void description(Context ctx) {
        ctx.status(200).contentType(JsonResponses.JSON).result(load(OWN + "openapi.json"));
    }

    /** {@code GET /docs}. */
    public void page(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.status(200).contentType("text/html; charset=utf-8").result(load(OWN + "index.html"));
    }

    /** {@code GET /docs/{asset}}. */
    public void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        String type = ASSETS.get(name);
        if (type == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no such file under /docs/");
        }
        ctx.status(200).contentType(type).result(load(name.equals("docs.js") ? OWN + name : webjarFolder + name));
    }

    private byte[] load(String resource) {
        return cache.computeIfAbsent(resource, DocsHandlers::read);
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocsHandlers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (the build packs it)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's folder is named after its version, which its pom.properties gives. */
    private static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = DocsHandlers.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }
}
