package dev.tidesync.config;

import com.fasterxml.jackson.core.JsonPointer;
import dev.tidesync.config.SettingsReader.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Range and consistency rules the types alone cannot express. One place for every limit. */
final class SettingsValidator {

    private static final Set<String> ACTIONS = Set.of("sync", "pull", "push");

    private final List<Problem> problems = new ArrayList<>();

    private SettingsValidator() {}

    static List<Problem> validate(Settings s) {
        SettingsValidator v = new SettingsValidator();
        v.check(s);
        return v.problems;
    }

    private void check(Settings s) {
        Triggers t = s.triggers();
        action("/triggers/sessionStart/action", t.sessionStart().action());
        action("/triggers/sessionEnd/action", t.sessionEnd().action());
        action("/triggers/checkpoint/action", t.checkpoint().action());
        action("/triggers/userPrompt/action", t.userPrompt().action());
        range("/triggers/userPrompt/probability", t.userPrompt().probability(), 1, 1_000_000,
                "1 means every prompt, 27 means about one prompt in 27");
        range("/triggers/userPrompt/debounceMs", t.userPrompt().debounceMs(), 0, 86_400_000L, "milliseconds");
        range("/triggers/fileChange/inactivityMs", t.fileChange().inactivityMs(), 100, 86_400_000L, "milliseconds");
        range("/triggers/localCommit/debounceMs", t.localCommit().debounceMs(), 0, 86_400_000L, "milliseconds");
        range("/triggers/poll/intervalSeconds", t.poll().intervalSeconds(), 5, 86_400, "seconds");
        if (t.poll().maxIntervalSeconds() != null) { // unset: the interval is kept unless announcements cover the repository
            range("/triggers/poll/maxIntervalSeconds", t.poll().maxIntervalSeconds(), 5, 86_400, "seconds"); // below intervalSeconds: no stretching
        }
        action("/triggers/schedule/action", t.schedule().action());
        range("/triggers/schedule/intervalMinutes", t.schedule().intervalMinutes(), 1, 10_080, "minutes");
        for (dev.tidesync.model.Trigger trigger : dev.tidesync.model.Trigger.values()) {
            String message = t.of(trigger).commitMessage();
            if (trigger.configurable() && message != null && message.isBlank()) {
                add("/triggers/" + trigger.id() + "/commitMessage", "'triggers." + trigger.id()
                        + ".commitMessage' must not be empty; leave it out to use commit.messageTemplate");
            }
        }
        AnnounceSettings a = s.announce();
        AnnounceSettings.urlProblem(a.url()).ifPresent(p -> add("/announce/url", "'announce.url' " + p));
        if (a.enabled() && a.key().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < AnnounceSettings.MIN_KEY_BYTES) {
            add("/announce/key", "'announce.key' must be at least " + AnnounceSettings.MIN_KEY_BYTES
                    + " bytes, the same on every machine; make one with `tidesync announce key --new`");
        }
        if (!a.caFile().isEmpty() && !Path.of(a.caFile()).isAbsolute()) {
            add("/announce/caFile", "'announce.caFile' must be an absolute path to the PEM certificate of the CA that signed the broker's");
        }
        if (!a.passwordFile().isEmpty() && !Path.of(a.passwordFile()).isAbsolute()) {
            add("/announce/passwordFile", "'announce.passwordFile' must be an absolute path to a file holding the broker password");
        }
        range("/throttle/minIntervalSeconds", s.throttle().minIntervalSeconds(), 0, 86_400, "seconds");
        range("/throttle/backoffBaseSeconds", s.throttle().backoffBaseSeconds(), 1, 86_400, "seconds");
        range("/throttle/backoffMaxSeconds", s.throttle().backoffMaxSeconds(), s.throttle().backoffBaseSeconds(), 604_800,
                "seconds, at least throttle.backoffBaseSeconds");
        range("/throttle/attentionAfterFailures", s.throttle().attentionAfterFailures(), 1, 1000, "failures");
        for (int i = 0; i < s.watchRoots().size(); i++) {
            Settings.WatchRoot root = s.watchRoots().get(i);
            if (root.path() == null || root.path().isBlank() || !Path.of(root.path()).isAbsolute()) {
                add("/watchRoots/" + i + "/path", "'watchRoots." + i + ".path' must be an absolute path to a folder");
            }
            range("/watchRoots/" + i + "/maxDepth", root.maxDepth(), 1, 10, "folder levels");
        }
        if (s.commit().messageTemplate() == null || s.commit().messageTemplate().isBlank()) {
            add("/commit/messageTemplate", "'commit.messageTemplate' must not be empty");
        }
        guards("/guards", s.guards());
        range("/locks/staleIndexLockSeconds", s.locks().staleIndexLockSeconds(), 10, 31_536_000L, "seconds");
        range("/locks/waitSeconds", s.locks().waitSeconds(), 0, 3600, "seconds");
        range("/network/timeoutSeconds", s.network().timeoutSeconds(), 1, 3600, "seconds");
        if (s.network().transport() == null) {
            add("/network/transport", "'network.transport' must be auto, git or jgit");
        }
        range("/history/maxBytes", s.history().maxBytes(), 64 * 1024, 1L << 40, "bytes");
        range("/history/keepFiles", s.history().keepFiles(), 1, 100, "files");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.repositories().size(); i++) {
            RepositorySettings r = s.repositories().get(i);
            String at = "/repositories/" + i;
            if (r.path() == null || r.path().isBlank() || !Path.of(r.path()).isAbsolute()) {
                add(at + "/path", "'repositories." + i + ".path' must be an absolute path to a work tree");
            } else if (!seen.add(Path.of(r.path()).normalize().toString())) {
                add(at + "/path", "'repositories." + i + ".path' lists " + r.path() + " a second time");
            }
            if (r.mode() == null) {
                add(at + "/mode", "'repositories." + i + ".mode' must be auto-commit, commits-only, pull-only, push-only or no-push");
            }
            if (r.integrate() == null) {
                add(at + "/integrate", "'repositories." + i + ".integrate' must be rebase, merge or ff-only");
            }
            patterns(at + "/excludes", r.excludes());
            for (String remote : r.remotes()) {
                if (remote == null || remote.isBlank() || remote.contains("/") || remote.contains(" ")) {
                    add(at + "/remotes", "'repositories." + i + ".remotes' holds \"" + remote + "\", which is not a remote name");
                }
            }
            guards(at + "/guards", r.guards());
            for (int j = 0; j < r.rules().size(); j++) {
                RepositorySettings.ChangeRule rule = r.rules().get(j);
                String ruleAt = at + "/rules/" + j;
                if (rule.pattern() == null || rule.pattern().isBlank()) {
                    add(ruleAt + "/pattern", "'repositories." + i + ".rules." + j + ".pattern' must be a gitignore-style pattern");
                }
                if (!Set.of("always", "after", "never").contains(String.valueOf(rule.when()))) {
                    add(ruleAt + "/when", "'repositories." + i + ".rules." + j + ".when' must be always, after or never");
                } else if ("after".equals(rule.when())) {
                    range(ruleAt + "/changes", rule.changes(), 1, 10_000, "bursts of changes");
                }
            }
            if (r.gate() != null) {
                range(at + "/gate/timeoutSeconds", r.gate().timeoutSeconds(), 1, 86_400, "seconds");
            }
        }
    }

    private void guards(String at, GuardSettings g) {
        range(at + "/maxFileSizeBytes", g.maxFileSizeBytes(), 1, Long.MAX_VALUE, "bytes");
        range(at + "/massDeletion/minFiles", g.massDeletion().minFiles(), 1, Integer.MAX_VALUE, "files");
        double f = g.massDeletion().fraction();
        if (!(f > 0 && f <= 1)) {
            add(at + "/massDeletion/fraction", "'" + ConfigKeys.dotted(JsonPointer.compile(at + "/massDeletion/fraction"))
                    + "' is " + f + " but must be more than 0 and at most 1 (0.5 means half the tracked files)");
        }
        patterns(at + "/allow", g.allow());
    }

    private void patterns(String at, List<String> patterns) {
        for (String p : patterns) {
            if (p == null || p.isBlank()) {
                add(at, "'" + ConfigKeys.dotted(JsonPointer.compile(at)) + "' holds an empty pattern");
            }
        }
    }

    private void action(String at, String value) {
        if (!ACTIONS.contains(value)) {
            add(at, "'" + ConfigKeys.dotted(JsonPointer.compile(at)) + "' is \"" + value + "\" but must be sync, pull or push");
        }
    }

    private void range(String at, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            String bounds = max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            add(at, "'" + ConfigKeys.dotted(JsonPointer.compile(at)) + "' is " + value + " but must be " + bounds + " (" + unit + ")");
        }
    }

    private void add(String pointer, String message) {
        problems.add(new Problem(JsonPointer.compile(pointer), message));
    }
}
