package dev.tidesync.git;

import java.util.List;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/** A list of gitignore-style patterns, matched the way .gitignore is (JGit's own rule engine). */
public final class PathPatterns {

    private final List<FastIgnoreRule> rules;

    public PathPatterns(List<String> patterns) {
        this.rules = patterns.stream().filter(p -> p != null && !p.isBlank()).map(FastIgnoreRule::new).toList();
    }

    /** Whether the repository-relative {@code path} (a file) matches; later rules override earlier ones, `!` negates. */
    public boolean matches(String path) {
        boolean matched = false;
        for (FastIgnoreRule rule : rules) {
            if (rule.isMatch(path, false)) {
                matched = rule.getResult();
            }
        }
        return matched || matchesParent(path);
    }

    /** A pattern naming a folder ("build/") excludes everything inside it. */
    private boolean matchesParent(String path) {
        int slash = path.lastIndexOf('/');
        while (slash > 0) {
            String dir = path.substring(0, slash);
            for (FastIgnoreRule rule : rules) {
                if (rule.isMatch(dir, true) && rule.getResult()) {
                    return true;
                }
            }
            slash = dir.lastIndexOf('/');
        }
        return false;
    }
}
