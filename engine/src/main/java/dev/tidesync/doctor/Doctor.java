package dev.tidesync.doctor;

import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlClient;
import dev.tidesync.control.ControlMessage;
import dev.tidesync.git.CommitConditions;
import dev.tidesync.git.EffectiveConfig;
import dev.tidesync.git.Fsck;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.GitLocks;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Identity;
import dev.tidesync.git.Inspector;
import dev.tidesync.git.NotARepositoryException;
import dev.tidesync.git.RemoteUrl;
import dev.tidesync.git.Snapshot;
import dev.tidesync.git.Transport;
import dev.tidesync.journal.Journal;
import dev.tidesync.journal.ObjectCheck;
import dev.tidesync.journal.RepoJournal;
import dev.tidesync.journal.State;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What `tidesync doctor` checks, as findings the CLI prints and the app can show: the config,
 * the state folder, the engine, how remotes are reached, and per repository its identity,
 * locks, in-progress operations, signing and LFS, remotes (read and write credentials),
 * conflicts and pauses. Changes nothing.
 */
public final class Doctor {

    private final TidesyncHome home;
    private final ConfigStore config;
    private final Settings settings;
    private final Journal journal;
    private final GitAccess git;
    private final Clock clock;
    private final List<Finding> findings = new ArrayList<>();
    private boolean deep;

    public Doctor(TidesyncHome home, ConfigStore config, Settings settings, Journal journal, GitAccess git, Clock clock) {
        this.home = home;
        this.config = config;
        this.settings = settings;
        this.journal = journal;
        this.git = git;
        this.clock = clock;
    }

    /** Every finding, in the order doctor prints them. */
    public List<Finding> examine() throws IOException {
        return examine(false);
    }

    /** As {@link #examine()}; {@code deep} also reads every object of every repository ({@link Fsck}). */
    public List<Finding> examine(boolean deep) throws IOException {
        this.deep = deep;
        findings.clear();
        ok("config " + config.file() + (Files.exists(config.file()) ? "" : " (not created yet: defaults)"));
        checkHome();
        var engine = ControlClient.send(home, ControlMessage.Request.ping(), Duration.ofSeconds(2));
        if (engine.isPresent()) {
            ok("the engine is running (pid " + engine.get().pid() + "): " + engine.get().message());
        } else {
            warn("no engine is running, so nothing syncs by itself", "start the tray app, or `tidesync run` (`tidesync service install` starts it at every login)");
        }
        if (!settings.enabled()) {
            warn("Tidesync is disabled", "run `tidesync enable`");
        }
        State state = journal.read();
        if (state.pause() != null && state.pause().activeAt(clock.instant())) {
            warn("automatic syncing is paused", "run `tidesync resume`");
        }
        if (settings.repositories().isEmpty()) {
            warn("no repositories are watched", "add one with `tidesync add PATH`");
        }
        if (git.cli().isPresent()) {
            ok("remotes are reached through " + git.describe());
        } else {
            warn("remotes are reached through " + git.describe(),
                    "install git so that credential helpers, ssh-agent and your full ~/.ssh/config are used");
        }
        for (RepositorySettings repository : settings.repositories()) {
            checkRepository(repository, state);
        }
        return List.copyOf(findings);
    }

    private void checkHome() {
        var dir = home.stateDir();
        try {
            Files.createDirectories(dir);
            var probe = Files.createTempFile(dir, ".doctor", ".tmp");
            Files.delete(probe);
            ok("state folder " + dir + " is writable");
        } catch (IOException e) {
            fail("state folder " + dir + " is not writable (" + e.getMessage() + ")", "fix its permissions or set TIDESYNC_HOME");
        }
    }

    private void checkRepository(RepositorySettings repository, State state) {
        Transport transport = git.transport();
        String name = repository.name();
        try (GitRepo repo = GitRepo.open(repository.workTree())) {
            ok(name + ": git repository at " + repo.workTree());
            EffectiveConfig config = git.config(repo);
            var identity = Identity.of(repo, config, clock);
            Identity.problem(repo, config).ifPresentOrElse(p -> failSentence(name + ": ", p),
                    () -> ok(name + ": git identity " + identity.name() + " <" + identity.email() + ">"));
            Snapshot snap = Inspector.inspect(repo, repository.remotes());
            snap.operation().ifPresent(op -> fail(name + ": " + op, "finish or abort it with git; Tidesync will not touch the repository until then"));
            if (snap.detached()) {
                fail(name + ": HEAD is detached", "check out a branch (git switch BRANCH)");
            }
            if (repository.mode().commits()) {
                CommitConditions.refusal(repo, config).ifPresent(why -> failSentence(name + ": Tidesync will not commit here: ", why));
            }
            GitLocks locks = new GitLocks(clock, Duration.ofSeconds(settings.locks().staleIndexLockSeconds()));
            for (GitLocks.LockInfo lock : locks.find(repo, snap.branchRef())) {
                if (lock.holder().isPresent()) {
                    warn(name + ": " + lock.file().getFileName() + " is held by running process " + lock.holder().getAsLong(), "wait for that git to finish");
                } else {
                    fail(name + ": " + lock.file() + " is left over (" + dev.tidesync.io.Moments.duration(lock.age()) + " old) and blocks git",
                            lock.stale() ? "the next sync clears it, or delete it yourself" : "if no git is running, delete it; Tidesync clears it after "
                                    + settings.locks().staleIndexLockSeconds() + " s");
                }
            }
            List<String> remotes = repository.remotes().isEmpty()
                    ? snap.upstream().map(u -> List.of(u.remote())).orElse(List.of()) : repository.remotes();
            if (remotes.isEmpty()) {
                warn(name + ": no remote to sync with (no upstream and none configured)", "add one with `git remote add origin URL`");
            }
            Duration timeout = Duration.ofSeconds(Math.min(15, settings.network().timeoutSeconds()));
            for (String remote : remotes) {
                String where = RemoteUrl.of(repo, remote, false).text();
                switch (transport.probe(repo, remote, timeout)) {
                    case Transport.ProbeResult.Reachable r -> {
                        ok(name + ": remote " + remote + " (" + where + ") reachable, credentials accepted for reading ("
                                + r.branches().size() + (r.branches().size() == 1 ? " branch)" : " branches)"));
                        if (repository.mode().pushes() && snap.branchRef().isPresent()) {
                            String ref = snap.branchRef().get();
                            transport.probePush(repo, remote, ref, ref, timeout).ifPresentOrElse(
                                    f -> failSentence(name + ": pushing: ", f.sentence()),
                                    () -> ok(name + ": remote " + remote + " accepts pushes from these credentials (dry run)"));
                        }
                    }
                    case Transport.ProbeResult.Failed f -> failSentence(name + ": ", f.failure().sentence());
                }
            }
            RepoJournal journal = state.repository(repository.workTree().toString());
            if (!journal.conflictPaths().isEmpty()) {
                fail(name + ": unresolved conflict in " + String.join(", ", journal.conflictPaths()),
                        "choose what to keep with `tidesync resolve " + repository.path() + "` (or Resolve… in the tray app)");
            }
            if (journal.error() != null) {
                warn(name + ": last sync failed: " + journal.error(), "run `tidesync sync " + repository.path() + "` to retry");
            }
            Optional.ofNullable(journal.pause()).filter(p -> p.activeAt(clock.instant()))
                    .ifPresent(p -> warn(name + ": paused", "run `tidesync resume " + repository.path() + "`"));
            if (deep) {
                checkObjects(repository, repo, name);
            } else if (journal.objectCheck() != null && journal.objectCheck().damage() != null) {
                fail(name + ": the check of " + dev.tidesync.io.Moments.at(journal.objectCheck().at(), clock.getZone(), clock.instant())
                        + " found the repository damaged: " + journal.objectCheck().damage(), REPAIR + repo.workTree()
                        + ", then `tidesync doctor --deep` checks it again");
            }
        } catch (NotARepositoryException e) {
            fail(name + ": " + e.getMessage(), "remove it with `tidesync remove " + repository.path() + "` or restore the folder");
        } catch (IOException e) {
            fail(name + ": could not be inspected (" + e.getMessage() + ")", "run `git status` there to see what git says");
        }
    }

    private static final String REPAIR = "restore the missing objects from the remote (`git fetch`) or a backup, or clone it afresh; `git fsck` shows all of it in ";

    /** Reads every object and keeps the result in the journal, where the status shows it until a check finds the repository whole. */
    private void checkObjects(RepositorySettings repository, GitRepo repo, String name) throws IOException {
        java.time.Instant started = clock.instant();
        ObjectCheck check = ObjectCheck.of(started, Fsck.check(repo, git.cli()));
        this.journal.recordCheck(repository.workTree(), name, dev.tidesync.io.MachineName.name(), check,
                java.time.Duration.between(started, clock.instant()));
        check.found().ifPresentOrElse(
                damage -> fail(name + ": the repository is damaged: " + damage, REPAIR + repo.workTree()),
                () -> ok(name + ": every object is there and whole (" + check.how() + ")"));
    }

    private void ok(String what) {
        findings.add(new Finding(Finding.Level.OK, what, Optional.empty()));
    }

    private void warn(String what, String fix) {
        findings.add(new Finding(Finding.Level.WARN, what, Optional.of(fix)));
    }

    /** A failure sentence is "what; what to do": the two halves go where doctor shows them. */
    private void failSentence(String prefix, String sentence) {
        int split = sentence.indexOf("; ");
        if (split < 0) {
            fail(prefix + sentence, "see docs/user-guide.md#remotes");
        } else {
            fail(prefix + sentence.substring(0, split), sentence.substring(split + 2));
        }
    }

    private void fail(String what, String fix) {
        findings.add(new Finding(Finding.Level.FAIL, what, Optional.of(fix)));
    }
}
