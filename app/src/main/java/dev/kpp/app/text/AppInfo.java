package dev.kpp.app.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Product name and version, read from the build-filtered {@code version.properties}. */
public final class AppInfo {
    /** Product name as shown to users. */
    public static final String NAME = "kpp";
    /** One-line description. */
    public static final String TAGLINE = "the kube-proxy planner";
    private static final String VERSION = loadVersion();

    private AppInfo() {
    }

    /** @return the version, e.g. {@code 0.1.0-SNAPSHOT} */
    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/dev/kpp/app/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
