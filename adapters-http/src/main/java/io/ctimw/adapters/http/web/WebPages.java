package io.ctimw.adapters.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The browser pages: the agent desktop ({@code /desk/}), the admin console ({@code /console/}) and their
 * shared assets ({@code /web/common/}, {@code /web/vendor/}), static files from the classpath under a strict
 * Content-Security-Policy. The pages are clients of the JSON API (same session cookie); nothing here reads
 * a session. Only flat file names with a known extension are looked up, so no path can leave a folder and
 * no folder is ever listed; anything else is Javalin's 404, which the API's error mapper makes a problem.
 */
public final class WebPages {
    /** No inline script or style anywhere: an injected string can never run. */
    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    /** The pages, each a folder under {@code /web/} on the classpath served at {@code /<name>/}. */
    public static final List<String> PAGES = List.of("desk", "console");

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.([a-z0-9]+)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    private final StaticFiles files = new StaticFiles();
    private final Map<String, String> vendor = VendorFiles.uplot();

    /** Registers every page's routes; {@code open} is the role of routes that need no session. */
    public void register(RoutesConfig routes, RouteRole open) {
        for (String page : PAGES) {
            // Trailing slashes are ignored by the router: /desk and /desk/ both land here.
            routes.get("/" + page, ctx -> index(ctx, page), open);
            routes.get("/" + page + "/{asset}", ctx -> serve(ctx, "/web/" + page + "/", ctx.pathParam("asset")), open);
        }
        routes.get("/web/common/{asset}", ctx -> serve(ctx, "/web/common/", ctx.pathParam("asset")), open);
        routes.get("/web/vendor/{asset}", this::vendorAsset, open);
    }

    private void index(Context ctx, String page) {
        if (!ctx.path().endsWith("/")) { // relative links inside the page need the folder's URL
            ctx.status(301).header("Location", "/" + page + "/");
            return;
        }
        serve(ctx, "/web/" + page + "/", "index.html");
    }

    private void vendorAsset(Context ctx) {
        String resource = vendor.get(ctx.pathParam("asset"));
        if (resource == null) {
            throw new NotFoundResponse();
        }
        write(ctx, resource, typeOf(ctx.pathParam("asset")));
    }

    private void serve(Context ctx, String folder, String name) {
        if (!FILE_NAME.matcher(name).matches() || typeOf(name) == null) {
            throw new NotFoundResponse();
        }
        write(ctx, folder + name, typeOf(name));
    }

    private void write(Context ctx, String resource, String type) {
        StaticFiles.File file = files.get(resource).orElseThrow(NotFoundResponse::new);
        ctx.header("Content-Security-Policy", POLICY);
        // Revalidated on every use (a new version shows at once), and answered 304 while unchanged.
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(type).result(file.bytes());
    }

    private static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    }
}
