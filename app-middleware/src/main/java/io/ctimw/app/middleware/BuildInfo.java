package io.ctimw.app.middleware;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and commit, filtered into a resource at build time (the shaded jar has no Maven metadata). */
record BuildInfo(String version, String commit) {
    static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves both unknown; --version must still answer
        }
        return new BuildInfo(known(p.getProperty("version")), known(p.getProperty("commit")));
    }

    /** An unfiltered placeholder (an IDE build) is as good as unknown. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    @Override
    public String toString() {
        return CliUsage.PROGRAM + " " + version + " (commit " + commit + ")";
    }
}
