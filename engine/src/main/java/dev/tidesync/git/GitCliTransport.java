package dev.tidesync.git;

import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Ref;

/**
 * Remotes through the user's installed git, so everything git knows about reaching them
 * applies unchanged: ~/.ssh/config with Include and Match, ssh-agent, known_hosts,
 * core.sshCommand, credential helpers, .netrc, proxies, insteadOf and includeIf, pre-push hooks.
 * Tidesync adds only what a background run needs: no prompts and a progress-aware timeout.
 */
public final class GitCliTransport implements Transport {

    private final GitCli git;
    private final boolean acceptNewHostKeys;
    private final SshSharing sharing;

    public GitCliTransport(GitCli git, boolean acceptNewHostKeys) {
        this.git = git;
        this.acceptNewHostKeys = acceptNewHostKeys;
        this.sharing = new SshSharing(git);
    }

    @Override
    public FetchResult fetch(GitRepo repo, String remote, Duration timeout) {
        try {
            if (!repo.hasRemote(remote)) {
                return new FetchResult.Failed(JGitTransport.missingRemote(remote));
            }
            RemoteUrl url = RemoteUrl.of(repo, remote, false);
            Map<String, String> before = trackingRefs(repo, remote);
            GitCli.Result result = run(repo, url, timeout, "fetch", "--progress", remote);
            if (!result.ok()) {
                return new FetchResult.Failed(FailureClassifier.classifyOutput("fetch", remote, url, result.stderr(), result.stalled()));
            }
            return new FetchResult.Fetched(!before.equals(trackingRefs(repo, remote)));
        } catch (IOException e) {
            return new FetchResult.Failed(Failure.of(FailureKind.OTHER, "git fetch " + remote + " could not run: " + e.getMessage()));
        }
    }

    @Override
    public PushResult push(GitRepo repo, String remote, String localRef, String remoteRef, Duration timeout) {
        try {
            if (!repo.hasRemote(remote)) {
                return new PushResult.Failed(JGitTransport.missingRemote(remote));
            }
            RemoteUrl url = RemoteUrl.of(repo, remote, true);
            GitCli.Result result = run(repo, url, timeout, "push", "--porcelain", "--progress", remote, localRef + ":" + remoteRef);
            Optional<PushResult> reported = PushReport.read(result.stdout(), remoteRef);
            if (reported.isPresent() && !result.stalled()) {
                return reported.get();
            }
            if (result.ok()) {
                return new PushResult.Pushed(false);
            }
            Failure failure = FailureClassifier.classifyOutput("push", remote, url, result.stderr(), result.stalled());
            if (failure.kind() == FailureKind.OTHER && hasPrePushHook(repo)) {
                return new PushResult.Rejected(PushReport.hookMessage(result.stderr()), true);
            }
            return new PushResult.Failed(failure);
        } catch (IOException e) {
            return new PushResult.Failed(Failure.of(FailureKind.OTHER, "git push " + remote + " could not run: " + e.getMessage()));
        }
    }

    @Override
    public ProbeResult probe(GitRepo repo, String remote, Duration timeout) {
        try {
            if (!repo.hasRemote(remote)) {
                return new ProbeResult.Failed(JGitTransport.missingRemote(remote));
            }
            RemoteUrl url = RemoteUrl.of(repo, remote, false);
            GitCli.Result result = runAlone(repo, url, timeout, "ls-remote", "--heads", remote);
            if (!result.ok()) {
                return new ProbeResult.Failed(FailureClassifier.classifyOutput("ls-remote", remote, url, result.stderr(), result.stalled()));
            }
            List<String> branches = new ArrayList<>();
            for (String line : result.stdout().split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    branches.add(line.substring(tab + 1).strip());
                }
            }
            return new ProbeResult.Reachable(branches.stream().sorted().toList());
        } catch (IOException e) {
            return new ProbeResult.Failed(Failure.of(FailureKind.OTHER, "git ls-remote " + remote + " could not run: " + e.getMessage()));
        }
    }

    @Override
    public RefRead readRef(GitRepo repo, String remote, String remoteRef, Duration timeout) {
        // ls-remote by name reads the fetch URL; a remote with its own pushurl is read where the push went.
        String pushUrl = repo.repository().getConfig().getString("remote", remote, "pushurl");
        return lsRemote(repo, remote, RemoteUrl.of(repo, remote, true), pushUrl != null ? pushUrl : remote, remoteRef, timeout);
    }

    @Override
    public RefRead peekRef(GitRepo repo, String remote, String remoteRef, Duration timeout) {
        if (!repo.hasRemote(remote)) {
            return new RefRead.Failed(JGitTransport.missingRemote(remote));
        }
        return lsRemote(repo, remote, RemoteUrl.of(repo, remote, false), remote, remoteRef, timeout);
    }

    /** `git ls-remote WHERE REF`: with protocol v2 (git's default since 2.26) the pattern goes to the server as a ref prefix. */
    private RefRead lsRemote(GitRepo repo, String remote, RemoteUrl url, String where, String remoteRef, Duration timeout) {
        try {
            GitCli.Result result = run(repo, url, timeout, "ls-remote", where, remoteRef);
            if (!result.ok()) {
                return new RefRead.Failed(FailureClassifier.classifyOutput("ls-remote", remote, url, result.stderr(), result.stalled()));
            }
            for (String line : result.stdout().split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0 && line.substring(tab + 1).strip().equals(remoteRef)) {
                    return new RefRead.At(Optional.of(line.substring(0, tab).strip()));
                }
            }
            return new RefRead.At(Optional.empty());
        } catch (IOException e) {
            return new RefRead.Failed(Failure.of(FailureKind.OTHER, "git ls-remote " + remote + " could not run: " + e.getMessage()));
        }
    }

    @Override
    public Optional<Failure> probePush(GitRepo repo, String remote, String localRef, String remoteRef, Duration timeout) {
        try {
            if (!repo.hasRemote(remote)) {
                return Optional.of(JGitTransport.missingRemote(remote));
            }
            RemoteUrl url = RemoteUrl.of(repo, remote, true);
            GitCli.Result result = runAlone(repo, url, timeout, "push", "--dry-run", "--porcelain", "--no-verify", remote, localRef + ":" + remoteRef);
            // Any answer about the ref, even "rejected", means the server let us in for writing.
            if (result.ok() || PushReport.read(result.stdout(), remoteRef).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(FailureClassifier.classifyOutput("push", remote, url, result.stderr(), result.stalled()));
        } catch (IOException e) {
            return Optional.of(Failure.of(FailureKind.OTHER, "git push --dry-run " + remote + " could not run: " + e.getMessage()));
        }
    }

    private GitCli.Result run(GitRepo repo, RemoteUrl url, Duration timeout, String... args) throws IOException {
        return git.run(repo.workTree(), timeout, environment(repo, url, timeout, true), args);
    }

    /** Doctor's checks log in afresh: a shared connection would vouch for credentials that no longer work. */
    private GitCli.Result runAlone(GitRepo repo, RemoteUrl url, Duration timeout, String... args) throws IOException {
        return git.run(repo.workTree(), timeout, environment(repo, url, timeout, false), args);
    }

    /** Batch-mode ssh on top of whatever ssh command the user chose, and curl's own stall limit. */
    private Map<String, String> environment(GitRepo repo, RemoteUrl url, Duration timeout, boolean share) throws IOException {
        Map<String, String> env = new HashMap<>();
        if (git.env("GIT_HTTP_LOW_SPEED_LIMIT").isEmpty()) {
            env.put("GIT_HTTP_LOW_SPEED_LIMIT", "1");
            env.put("GIT_HTTP_LOW_SPEED_TIME", Long.toString(Math.max(1, timeout.toSeconds())));
        }
        if (url.kind() == RemoteUrl.Kind.SSH || url.kind() == RemoteUrl.Kind.UNKNOWN) {
            sshCommand(repo, timeout).ifPresent(command -> env.put("GIT_SSH_COMMAND", command
                    + (share ? sharing.options(command, url, repo.workTree()) : " -o ControlPath=none")));
        }
        return env;
    }

    /**
     * The user's ssh command (GIT_SSH_COMMAND, else core.sshCommand, else plain ssh) with
     * batch-mode options after it. Options given first win in OpenSSH, so the user's own
     * {@code -o} settings keep precedence; a non-OpenSSH program (GIT_SSH, plink) is left alone.
     */
    Optional<String> sshCommand(GitRepo repo, Duration timeout) throws IOException {
        Optional<String> base = git.env("GIT_SSH_COMMAND");
        if (base.isEmpty()) {
            if (git.env("GIT_SSH").isPresent()) {
                return Optional.empty();
            }
            GitCli.Result configured = git.run(repo.workTree(), Duration.ofSeconds(10), Map.of(), "config", "--get", "core.sshCommand");
            base = Optional.of(configured.ok() && !configured.stdout().isBlank() ? configured.stdout().strip() : "ssh");
        }
        if (!isOpenSsh(base.get())) {
            return Optional.empty();
        }
        String options = " -o BatchMode=yes -o ConnectTimeout=" + Math.max(1, timeout.toSeconds())
                + " -o ServerAliveInterval=15 -o ServerAliveCountMax=3"
                + (acceptNewHostKeys ? " -o StrictHostKeyChecking=accept-new" : "");
        return Optional.of(base.get() + options);
    }

    static boolean isOpenSsh(String command) {
        String first = command.strip().split("\\s+", 2)[0].replace("\"", "").replace("'", "");
        String name = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1).toLowerCase(java.util.Locale.ROOT);
        return name.equals("ssh") || name.equals("ssh.exe");
    }

    private boolean hasPrePushHook(GitRepo repo) throws IOException {
        GitCli.Result hooks = git.run(repo.workTree(), Duration.ofSeconds(10), Map.of(), "rev-parse", "--git-path", "hooks");
        if (!hooks.ok()) {
            return false;
        }
        Path hook = repo.workTree().resolve(hooks.stdout().strip()).resolve("pre-push");
        return Files.isExecutable(hook);
    }

    private static Map<String, String> trackingRefs(GitRepo repo, String remote) throws IOException {
        Map<String, String> refs = new HashMap<>();
        for (Ref ref : repo.repository().getRefDatabase().getRefsByPrefix("refs/remotes/" + remote + "/")) {
            refs.put(ref.getName(), ref.getObjectId() == null ? "" : ref.getObjectId().name());
        }
        return refs;
    }
}
