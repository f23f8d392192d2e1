package dev.tidesync.autostart;

import java.io.IOException;

/** Starting Tidesync when the user logs in, the way this operating system does it. */
public interface AutoStart {

    boolean enabled();

    void enable() throws IOException;

    void disable() throws IOException;

    /** Where the setting lives, for the settings form ("~/.config/autostart/tidesync.desktop"). */
    String describe();

    /** Whether this OS is supported here; the toggle is disabled otherwise. */
    default boolean available() {
        return true;
    }

    AutoStart UNAVAILABLE = new AutoStart() {
        public boolean enabled() {
            return false;
        }

        public void enable() throws IOException {
            throw new IOException("starting at login is not supported on this system");
        }

        public void disable() {
        }

        public String describe() {
            return "not supported on this system";
        }

        public boolean available() {
            return false;
        }
    };
}
