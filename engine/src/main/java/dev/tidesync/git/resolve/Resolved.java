package dev.tidesync.git.resolve;

import java.util.List;
import java.util.Map;

/**
 * A resolution or an undo, committed.
 *
 * @param commit  the new commit the branch now points at
 * @param copies  for files kept both ways: original path → where this machine's version now is
 * @param message the commit message's first line, for the user
 */
public record Resolved(String commit, Map<String, String> copies, List<String> files, String message) {

    public Resolved {
        copies = Map.copyOf(copies);
        files = List.copyOf(files);
    }
}
