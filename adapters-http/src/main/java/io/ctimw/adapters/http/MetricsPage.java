package io.ctimw.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Supplier;

/** {@code GET /metrics}: the metrics in Prometheus' text format; public like {@code /health}, and never cached. */
final class MetricsPage implements Handler {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    MetricsPage(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(PROMETHEUS_TEXT).result(scrape.get());
    }
}
