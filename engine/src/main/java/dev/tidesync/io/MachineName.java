package dev.tidesync.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name for commit messages and the change log, found without a DNS lookup where possible. */
public final class MachineName {

    private static final String NAME = find();

    private MachineName() {}

    public static String name() {
        return NAME;
    }

    private static String find() {
        for (String env : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            String v = Files.readString(Path.of("/etc/hostname")).strip();
            if (!v.isEmpty()) {
                return v;
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Linux, or unreadable: ask the resolver below.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this-machine";
        }
    }
}
