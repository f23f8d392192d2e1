package dev.tidesync.git;

import java.util.Optional;

/** What a refusing hook said: its last non-blank line is the reason it gives. */
final class HookOutput {

    private HookOutput() {}

    static Optional<String> lastLine(String output) {
        if (output == null) {
            return Optional.empty();
        }
        return output.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b);
    }
}
