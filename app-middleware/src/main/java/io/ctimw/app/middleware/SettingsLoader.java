package io.ctimw.app.middleware;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the settings: environment variables (the few below) over the HOCON file given with --config
 * over reference.conf. A setting or {@code CTIMW_*} variable that reference.conf and the list below
 * do not know is refused, so a typo cannot silently fall back to the default.
 */
public final class SettingsLoader {
    /** Environment variable to setting path; kept short on purpose and listed in the README. */
    public static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("CTIMW_HTTP_HOST", "http.host"),
            Map.entry("CTIMW_HTTP_PORT", "http.port"),
            Map.entry("CTIMW_DB_URL", "db.url"),
            Map.entry("CTIMW_DB_USER", "db.user"),
            Map.entry("CTIMW_DB_PASSWORD", "db.password"),
            Map.entry("CTIMW_DB_EMBEDDED_DIR", "db.embedded.dir"),
            Map.entry("CTIMW_DB_EMBEDDED_FSYNC", "db.embedded.fsync"),
            Map.entry("CTIMW_EVENTS_INTAKE_DIR", "events.intake.dir"),
            Map.entry("CTIMW_CTI_URL", "cti.url"),
            Map.entry("CTIMW_METRICS_ENABLED", "metrics.enabled"),
            Map.entry("CTIMW_METRICS_PORT", "metrics.port"));

    private SettingsLoader() {
    }

    /**
     * @param file the operator's file, or null for defaults only
     * @throws ConfigException with a message naming the file, line and setting at fault
     */
    public static MiddlewareSettings load(Path file, Map<String, String> env) {
        Config fromFile = ConfigFactory.empty();
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new ConfigException.Generic("cannot read config file " + file);
            }
            fromFile = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        }
        UnknownSettings.refuseInEnvironment(env, ENVIRONMENT.keySet());
        Config reference = ConfigFactory.defaultReference();
        Map<String, Object> overrides = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, path) -> {
            String value = env.get(variable);
            if (value != null) {
                overrides.put(path, value);
            }
        });
        Config merged = ConfigFactory.parseMap(overrides, "environment")
                .withFallback(fromFile)
                .withFallback(reference)
                .resolve();
        UnknownSettings.refuseInFile(merged, reference);
        return MiddlewareSettings.from(merged);
    }
}
