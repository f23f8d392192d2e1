package dev.tidesync.trigger;

import dev.tidesync.config.RepositorySettings.ChangeRule;
import dev.tidesync.git.PathPatterns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The repository's change categories: paths synced after every burst (the default), only after
 * N bursts touched them, or never by an automatic trigger. The first matching rule wins.
 * One instance per repository: it counts bursts and holds deferred paths.
 */
public final class ChangeRules {

    private record Compiled(ChangeRule rule, PathPatterns pattern) {}

    private final List<Compiled> rules;
    private final Map<Integer, Integer> burstsSeen = new HashMap<>();
    private final Map<Integer, Set<String>> deferred = new HashMap<>();

    public ChangeRules(List<ChangeRule> rules) {
        this.rules = rules.stream().map(r -> new Compiled(r, new PathPatterns(List.of(r.pattern())))).toList();
    }

    /** Paths no automatic trigger may commit; the commit step leaves them for a manual sync. */
    public boolean neverAutomatic(String path) {
        int i = ruleFor(path);
        return i >= 0 && "never".equals(rules.get(i).rule().when());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The paths of this burst that should be synced now, with deferred ones whose count came due.
     * Empty means: nothing to do yet.
     */
    public synchronized Set<String> due(Set<String> burst) {
        Set<String> now = new TreeSet<>();
        Map<Integer, Set<String>> touched = new HashMap<>();
        for (String path : burst) {
            int i = ruleFor(path);
            if (i < 0 || "always".equals(rules.get(i).rule().when())) {
                now.add(path);
            } else if ("after".equals(rules.get(i).rule().when())) {
                touched.computeIfAbsent(i, k -> new TreeSet<>()).add(path);
            }
        }
        touched.forEach((i, paths) -> {
            deferred.computeIfAbsent(i, k -> new TreeSet<>()).addAll(paths);
            int seen = burstsSeen.merge(i, 1, Integer::sum);
            if (seen >= rules.get(i).rule().changes()) {
                now.addAll(deferred.remove(i));
                burstsSeen.remove(i);
            }
        });
        return now;
    }

    /** A full sync ran: whatever was deferred went with it. */
    public synchronized void reset() {
        burstsSeen.clear();
        deferred.clear();
    }

    public synchronized List<String> deferredPaths() {
        List<String> all = new ArrayList<>();
        deferred.values().forEach(all::addAll);
        return all;
    }

    private int ruleFor(String path) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).pattern().matches(path)) {
                return i;
            }
        }
        return -1;
    }
}
