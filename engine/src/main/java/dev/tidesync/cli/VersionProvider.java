package dev.tidesync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/tidesync-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // Fall through to "unknown".
        }
        return p.getProperty("tidesync.version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tidesync " + version() + " (Java " + Runtime.version() + ")"};
    }
}
