package io.ctimw.adapters.http.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** Browser libraries from Maven Central webjars, by the name pages use under {@code /web/vendor/}. */
final class VendorFiles {
    private VendorFiles() {
    }

    /** uPlot (the console's charts): its ES module and its stylesheet. */
    static Map<String, String> uplot() {
        String folder = "/META-INF/resources/webjars/uplot/" + version("org.webjars.npm", "uplot") + "/dist/";
        return Map.of("uPlot.esm.js", folder + "uPlot.esm.js", "uPlot.min.css", folder + "uPlot.min.css");
    }

    /** A webjar's folder is named after its version, which its pom.properties gives. */
    private static String version(String group, String artifact) {
        Properties pom = new Properties();
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = VendorFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " webjar is not on the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }
}
