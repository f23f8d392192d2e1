package dev.tidesync.git;

import dev.tidesync.model.Failure;
import dev.tidesync.config.Settings.NetworkSettings;
import dev.tidesync.config.Settings.TransportChoice;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How Tidesync reaches git's knowledge of the user: the installed git when there is one (for
 * remotes and for configuration as git resolves it), JGit otherwise. Local-path remotes stay
 * in-process in automatic mode: no credentials are involved and it is five times faster.
 */
public final class GitAccess {

    private final Optional<GitCli> cli;
    private final Transport transport;
    private final TransportChoice choice;

    private GitAccess(Optional<GitCli> cli, Transport transport, TransportChoice choice) {
        this.cli = cli;
        this.transport = transport;
        this.choice = choice;
    }

    /** @param environment laid over this process's environment for git (normally empty or the process's own) */
    public static GitAccess detect(NetworkSettings network, Map<String, String> environment) {
        TransportChoice choice = network.transport();
        Optional<GitCli> cli = choice == TransportChoice.JGIT ? Optional.empty() : GitCli.find(environment);
        JGitTransport jgit = new JGitTransport();
        if (cli.isEmpty()) {
            return new GitAccess(cli, jgit, choice);
        }
        GitCliTransport viaGit = new GitCliTransport(cli.get(), network.acceptNewHostKeys());
        Transport transport = choice == TransportChoice.GIT ? viaGit : new Routing(jgit, viaGit);
        return new GitAccess(cli, transport, choice);
    }

    /** JGit for everything: for tests that need no installed git, and the fallback. */
    public static GitAccess jgitOnly() {
        return new GitAccess(Optional.empty(), new JGitTransport(), TransportChoice.JGIT);
    }

    public Transport transport() {
        return transport;
    }

    public Optional<GitCli> cli() {
        return cli;
    }

    /** One line for doctor and the log: what reaches the remotes. */
    public String describe() {
        return cli.map(g -> "git " + g.version() + " (" + g.executable() + ")"
                        + (choice == TransportChoice.AUTO ? " for network remotes, JGit for local ones" : " for every remote"))
                .orElse(choice == TransportChoice.JGIT ? "JGit (network.transport is jgit)"
                        : "JGit, because no git " + GitCli.MIN_MAJOR + "." + GitCli.MIN_MINOR + " or newer was found on PATH");
    }

    /** The repository's configuration as git resolves it (includeIf and all). */
    public EffectiveConfig config(GitRepo repo) {
        if (cli.isPresent()) {
            try {
                GitCli.Result listing = cli.get().run(repo.workTree(), Duration.ofSeconds(10), Map.of(), "config", "--list", "-z");
                if (listing.ok()) {
                    return EffectiveConfig.parse(listing.stdout());
                }
            } catch (IOException e) {
                // git could not run after all: JGit's reading is the next best.
            }
        }
        return EffectiveConfig.fromJGit(repo.repository().getConfig());
    }

    /** Local paths through JGit, everything with a host through git. */
    private record Routing(JGitTransport local, GitCliTransport network) implements Transport {

        private Transport pick(GitRepo repo, String remote, boolean push) {
            return RemoteUrl.of(repo, remote, push).local() ? local : network;
        }

        @Override
        public FetchResult fetch(GitRepo repo, String remote, Duration timeout) {
            return pick(repo, remote, false).fetch(repo, remote, timeout);
        }

        @Override
        public PushResult push(GitRepo repo, String remote, String localRef, String remoteRef, Duration timeout) {
            return pick(repo, remote, true).push(repo, remote, localRef, remoteRef, timeout);
        }

        @Override
        public ProbeResult probe(GitRepo repo, String remote, Duration timeout) {
            return pick(repo, remote, false).probe(repo, remote, timeout);
        }

        @Override
        public Optional<Failure> probePush(GitRepo repo, String remote, String localRef, String remoteRef, Duration timeout) {
            return pick(repo, remote, true).probePush(repo, remote, localRef, remoteRef, timeout);
        }

        @Override
        public RefRead readRef(GitRepo repo, String remote, String remoteRef, Duration timeout) {
            return pick(repo, remote, true).readRef(repo, remote, remoteRef, timeout);
        }

        @Override
        public RefRead peekRef(GitRepo repo, String remote, String remoteRef, Duration timeout) {
            return pick(repo, remote, false).peekRef(repo, remote, remoteRef, timeout);
        }
    }
}
