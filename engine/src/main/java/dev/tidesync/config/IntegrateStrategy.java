package dev.tidesync.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How remote changes are combined with local commits. */
public enum IntegrateStrategy {
    REBASE("rebase"),
    MERGE("merge"),
    FF_ONLY("ff-only");

    private final String label;

    IntegrateStrategy(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static IntegrateStrategy fromLabel(String label) {
        for (IntegrateStrategy s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not an integrate strategy; use rebase, merge or ff-only");
    }
}
