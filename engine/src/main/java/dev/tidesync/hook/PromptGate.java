package dev.tidesync.hook;

import dev.tidesync.config.Triggers;
import dev.tidesync.journal.Journal;
import dev.tidesync.journal.RepoJournal;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * Decides whether an agent's prompt starts a sync: one chance in {@code probability}, and never
 * within {@code debounceMs} of the last prompt that did. The memory of that last sync and the
 * counters live in state.json, so separate `tidesync hook` processes share them.
 */
public final class PromptGate {

    /** @param outcome ran, debounced, notDrawn or off (the counter it lands in) */
    public record Decision(boolean run, String outcome, String why) {}

    private PromptGate() {}

    /** The rule alone. {@code lastRun} is null when no prompt has synced yet. */
    public static Decision decide(Triggers.Prompt prompt, Instant now, Instant lastRun, RandomGenerator random) {
        if (!prompt.enabled()) {
            return new Decision(false, "off", "the userPrompt trigger is disabled");
        }
        Duration debounce = Duration.ofMillis(prompt.debounceMs());
        if (lastRun != null && now.isBefore(lastRun.plus(debounce))) {
            return new Decision(false, "debounced", "a prompt started a sync " + Duration.between(lastRun, now).toMillis()
                    + " ms ago (debounce " + prompt.debounceMs() + " ms)");
        }
        if (prompt.probability() > 1 && random.nextInt(prompt.probability()) != 0) {
            return new Decision(false, "notDrawn", "not drawn this time (one prompt in " + prompt.probability() + " syncs)");
        }
        return new Decision(true, "ran", "drawn (one prompt in " + prompt.probability() + ")");
    }

    /** Decides and counts under the journal's lock, so two hooks at once cannot both pass the debounce. */
    public static Decision admit(Journal journal, String repositoryKey, Triggers.Prompt prompt, Instant now,
                                 RandomGenerator random) throws IOException {
        AtomicReference<Decision> decision = new AtomicReference<>();
        journal.update(state -> {
            RepoJournal repo = state.repository(repositoryKey);
            Decision d = decide(prompt, now, repo.lastPromptSync(), random);
            decision.set(d);
            var next = state.withStats(state.stats().withPrompts(state.stats().prompts().plus(d.outcome())));
            return d.run() ? next.with(repositoryKey, repo.withLastPromptSync(now)) : next;
        });
        return decision.get();
    }
}
