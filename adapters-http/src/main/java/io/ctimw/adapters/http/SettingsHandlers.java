package io.ctimw.adapters.http;

import io.ctimw.core.model.Login;
import io.ctimw.core.port.in.LoginThrottleUseCase;
import io.ctimw.core.port.in.SettingsUseCase;
import io.ctimw.core.port.in.SettingsUseCase.SettingView;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run-time settings and the login throttle's reset: admin endpoints (the core checks the role). */
final class SettingsHandlers {
    private final SettingsUseCase settings;
    private final LoginThrottleUseCase throttle;
    private final RequestBodies bodies;
    private final JsonCodec json;

    SettingsHandlers(SettingsUseCase settings, LoginThrottleUseCase throttle, RequestBodies bodies, JsonCodec json) {
        this.settings = settings;
        this.throttle = throttle;
        this.bodies = bodies;
        this.json = json;
    }

    /** {@code GET /api/v1/admin/settings}. */
    public void list(Context ctx) {
        QueryParams.of(ctx.queryParamMap(), List.of()); // takes none: a filter it would ignore is a 400, not a surprise
        answer(ctx, settings.settings(Authenticator.sessionOf(ctx)));
    }

    /** {@code PATCH /api/v1/admin/settings}: {@code {"<name>": <value> | null, ...}}, all or nothing. */
    public void change(Context ctx) {
        Map<String, Object> changes = json.parseObject(bodies.readJson(ctx));
        if (changes.isEmpty()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body must name at least one setting");
        }
        answer(ctx, settings.change(Authenticator.sessionOf(ctx), changes));
    }

    /** {@code DELETE /api/v1/admin/login-throttle/{login}}: 204 whether or not the login had failures. */
    public void unblock(Context ctx) {
        String login = ctx.pathParam("login");
        if (!Login.isValid(login)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the login must be 1-" + Login.MAX_LENGTH
                    + " letters, digits and . _ @ + -");
        }
        throttle.unblock(Authenticator.sessionOf(ctx), new Login(login));
        ctx.status(204);
    }

    private void answer(Context ctx, List<SettingView> views) {
        List<Map<String, Object>> list = views.stream().map(v -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", v.name());
            one.put("value", v.value());
            one.put("fileValue", v.fileValue());
            one.put("stored", v.stored());
            return one;
        }).toList();
        JsonResponses.ok(ctx, json.write(Map.of("settings", list)));
    }
}
