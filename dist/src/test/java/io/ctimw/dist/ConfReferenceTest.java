package io.ctimw.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped conf/middleware.conf lists every setting of reference.conf, with the real default. */
class ConfReferenceTest {
    private static final Path REFERENCE = Path.of("../app-middleware/src/main/resources/reference.conf");
    private static final Path SHIPPED = Path.of("src/conf/middleware.conf");

    @Test
    void everySettingOfReferenceConfAppearsCommentedOutWithItsDefault() throws IOException {
        Config reference = ConfigFactory.parseFile(REFERENCE.toFile()).resolve();
        Config shipped = uncommented(Files.readString(SHIPPED));

        TreeSet<String> missing = new TreeSet<>(keys(reference));
        missing.removeAll(keys(shipped));
        assertTrue(missing.isEmpty(), "conf/middleware.conf lacks " + missing + ": copy them from reference.conf");
        for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
            assertEquals(e.getValue().unwrapped(), shipped.getValue(e.getKey()).unwrapped(),
                    "default of " + e.getKey() + " in conf/middleware.conf");
        }
    }

    @Test
    void theShippedFileChangesNothingAsLongAsItStaysCommented() {
        Config asShipped = ConfigFactory.parseFile(SHIPPED.toFile());
        assertTrue(asShipped.isEmpty(), "settings active in conf/middleware.conf: " + asShipped.root().keySet());
    }

    /** Setting lines start with one '#'; '##' lines are the file's own prose. */
    static Config uncommented(String text) {
        String settings = text.lines()
                .filter(l -> !l.startsWith("##"))
                .map(l -> l.startsWith("#") ? l.substring(1) : l)
                .collect(Collectors.joining("\n"));
        return ConfigFactory.parseString(settings).resolve();
    }

    private static TreeSet<String> keys(Config c) {
        return c.entrySet().stream().map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }
}
