package dev.tidesync.bench;

/** The floor: a JVM that starts and does nothing, for HookTiming's baseline. */
public final class Nothing {

    private Nothing() {}

    public static void main(String[] args) {
        // nothing, on purpose
    }
}
