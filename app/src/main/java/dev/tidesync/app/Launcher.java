package dev.tidesync.app;

/** Entry point. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
    }
}
