package dev.tidesync.hook;

import dev.tidesync.config.Paths;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.Triggers;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.sync.SyncService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What an agent hook should do: which watched repository holds the agent's folder, whether the
 * trigger is on (and for prompts, drawn and not debounced), and with which action. The same
 * decision whether the engine or the hook process itself carries it out.
 */
public record HookPlan(Optional<RepositorySettings> repository, Optional<SyncRequest> request, String why) {

    public static HookPlan of(Settings settings, Journal journal, HookEvent event, Path cwd, Instant now, RandomGenerator random)
            throws IOException {
        Optional<RepositorySettings> repo = containing(settings, cwd);
        if (repo.isEmpty()) {
            return new HookPlan(repo, Optional.empty(), cwd + " is not inside a repository Tidesync watches");
        }
        Triggers t = settings.triggers();
        if (event == HookEvent.PROMPT) {
            PromptGate.Decision d = PromptGate.admit(journal, repo.get().workTree().toString(), t.userPrompt(), now, random);
            return d.run()
                    ? new HookPlan(repo, Optional.of(SyncRequest.of(Action.fromId(t.userPrompt().action()), event.trigger())), d.why())
                    : new HookPlan(repo, Optional.empty(), d.why());
        }
        if (!SyncService.triggerEnabled(t, event.trigger())) {
            return new HookPlan(repo, Optional.empty(), "the " + event.trigger().id() + " trigger is disabled");
        }
        String action = switch (event) {
            case SESSION_START -> t.sessionStart().action();
            case SESSION_END -> t.sessionEnd().action();
            case CHECKPOINT -> t.checkpoint().action();
            case PROMPT -> t.userPrompt().action();
        };
        return new HookPlan(repo, Optional.of(SyncRequest.of(Action.fromId(action), event.trigger())), event.id());
    }

    /** The watched repository whose work tree holds {@code cwd}; the innermost when they nest. */
    static Optional<RepositorySettings> containing(Settings settings, Path cwd) {
        Path where = Paths.canonical(cwd);
        return settings.repositories().stream()
                .filter(r -> where.startsWith(Paths.canonical(r.workTree())))
                .max(Comparator.comparingInt(r -> Paths.canonical(r.workTree()).getNameCount()));
    }
}
