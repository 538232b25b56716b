package io.ctimw.adapters.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ctimw.core.model.DailyReport;
import java.io.IOException;
import java.util.Map;

/**
 * The body of {@code GET /api/v1/admin/stats/daily}, written straight to the generator: a month of every
 * login per method is 72,000 groups, and a map per value cost more than summing them.
 */
final class DailyReportJson {
    private DailyReportJson() {
    }

    static void write(JsonGenerator g, DailyReport report) throws IOException {
        g.writeStartObject();
        g.writeStringField("from", report.from().toString());
        g.writeStringField("to", report.to().toString());
        g.writeStringField("tz", report.zone().getId());
        g.writeStringField("login", report.login() == null ? null : report.login().value());
        g.writeArrayFieldStart("days");
        for (DailyReport.Day day : report.days()) {
            g.writeStartObject();
            g.writeStringField("day", day.day().toString());
            tally(g, day.total());
            if (!day.groups().isEmpty()) {
                g.writeArrayFieldStart("groups");
                for (DailyReport.Group group : day.groups()) {
                    g.writeStartObject();
                    g.writeStringField("login", group.login() == null ? null : group.login().value());
                    g.writeStringField("method", group.method());
                    tally(g, group.tally());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void tally(JsonGenerator g, DailyReport.Tally t) throws IOException {
        g.writeNumberField("calls", t.calls());
        g.writeNumberField("badCalls", t.badCalls());
        g.writeObjectFieldStart("byStatus");
        for (Map.Entry<Integer, Long> e : t.byStatus().entrySet()) {
            g.writeNumberField(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
    }
}
