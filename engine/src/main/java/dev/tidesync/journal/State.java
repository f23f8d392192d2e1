package dev.tidesync.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/** Everything in state.json: per-repository memory (keyed by work-tree path), counters, the global pause. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record State(Map<String, RepoJournal> repositories, Stats stats, Pause pause) {

    public State {
        repositories = repositories == null ? Map.of() : Map.copyOf(repositories);
        stats = stats == null ? Stats.empty() : stats;
    }

    public static State empty() {
        return new State(Map.of(), Stats.empty(), null);
    }

    public RepoJournal repository(String path) {
        return repositories.getOrDefault(path, RepoJournal.empty());
    }

    public State with(String path, RepoJournal journal) {
        Map<String, RepoJournal> next = new TreeMap<>(repositories);
        next.put(path, journal);
        return new State(next, stats, pause);
    }

    public State without(String path) {
        Map<String, RepoJournal> next = new TreeMap<>(repositories);
        next.remove(path);
        return new State(next, stats, pause);
    }

    public State withStats(Stats s) {
        return new State(repositories, s, pause);
    }

    public State withPause(Pause p) {
        return new State(repositories, stats, p);
    }
}
