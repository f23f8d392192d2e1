package dev.tidesync.doctor;

import java.util.Optional;

/** One thing doctor found: all right, worth a look, or in the way of syncing; with what to do about it. */
public record Finding(Level level, String what, Optional<String> fix) {

    public enum Level { OK, WARN, FAIL }

    /** A problem is what makes doctor exit 1. */
    public boolean problem() {
        return level == Level.FAIL;
    }
}
