package dev.tidesync.io;

import java.util.Locale;

/** Which operating system this is, decided in one place from {@code os.name}. */
public enum OperatingSystem {
    LINUX, BSD, MAC, WINDOWS, OTHER;

    private static final OperatingSystem CURRENT = of(System.getProperty("os.name", ""));

    public static OperatingSystem current() {
        return CURRENT;
    }

    /** From an {@code os.name} value: "Linux", "Mac OS X", "Windows 11", "FreeBSD"… */
    public static OperatingSystem of(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return WINDOWS;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return MAC;
        }
        if (os.contains("linux")) {
            return LINUX;
        }
        if (os.contains("bsd")) {
            return BSD;
        }
        return OTHER;
    }

    /** Linux and the BSDs: freedesktop desktops, XDG folders, a D-Bus session. */
    public boolean isUnixDesktop() {
        return this == LINUX || this == BSD;
    }
}
