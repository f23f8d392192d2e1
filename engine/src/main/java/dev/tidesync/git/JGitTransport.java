package dev.tidesync.git;

import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.errors.AbortedByHookException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.NetRCCredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;

/**
 * Remotes through JGit's own transports: local paths (fast, no credentials involved), and the
 * fallback for machines without git: http(s) with ~/.netrc only. JGit's ssh module is not
 * bundled, so ssh remotes need the installed git.
 */
public final class JGitTransport implements Transport {

    /**
     * Pushing to a local path runs receive-pack inside this JVM, which auto-GCs the remote and
     * can leave its locks behind if the process exits mid-GC. With git installed, the real
     * git-receive-pack does the receiving in its own process instead.
     */
    private final Optional<String> receivePack = findReceivePack();
    /** Without git there are no credential helpers; ~/.netrc is the one store JGit can read. */
    private static final NetRCCredentialsProvider NETRC = new NetRCCredentialsProvider();

    @Override
    public FetchResult fetch(GitRepo repo, String remote, Duration timeout) {
        try {
            if (!repo.hasRemote(remote)) {
                return new FetchResult.Failed(missingRemote(remote));
            }
            FetchCommand fetch = repo.git().fetch().setRemote(remote).setTimeout(seconds(timeout)).setCredentialsProvider(NETRC);
            var result = fetch.call();
            return new FetchResult.Fetched(!result.getTrackingRefUpdates().isEmpty());
        } catch (GitAPIException | RuntimeException e) {
            return new FetchResult.Failed(FailureClassifier.classify("fetch", remote, e));
        }
    }

    @Override
    public Transport.PushResult push(GitRepo repo, String remote, String localRef, String remoteRef, Duration timeout) {
        try {
            if (!repo.hasRemote(remote)) {
                return new Transport.PushResult.Failed(missingRemote(remote));
            }
            PushCommand push = repo.git().push()
                    .setRemote(remote)
                    .setRefSpecs(new RefSpec(localRef + ":" + remoteRef))
                    .setForce(false)
                    .setCredentialsProvider(NETRC)
                    .setTimeout(seconds(timeout));
            if (receivePack.isPresent() && isLocal(repo, remote)) {
                push.setReceivePack(receivePack.get());
            }
            Iterable<org.eclipse.jgit.transport.PushResult> results = push.call();
            boolean changed = false;
            for (org.eclipse.jgit.transport.PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    switch (update.getStatus()) {
                        case OK -> changed = true;
                        case UP_TO_DATE -> { }
                        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                            return new Transport.PushResult.NotFastForward();
                        }
                        case REJECTED_OTHER_REASON -> {
                            String why = update.getMessage() == null ? "" : update.getMessage();
                            if (why.contains("failed to update ref") || why.contains("lock")) {
                                // Another push updated the same ref at this instant: integrate and retry.
                                return new Transport.PushResult.NotFastForward();
                            }
                            return new Transport.PushResult.Rejected(why.isEmpty() ? "rejected" : why, false);
                        }
                        default -> {
                            String why = update.getMessage() != null ? update.getMessage() : update.getStatus().name().toLowerCase();
                            return new Transport.PushResult.Rejected(why, false);
                        }
                    }
                }
            }
            return new Transport.PushResult.Pushed(changed);
        } catch (GitAPIException | RuntimeException e) {
            Optional<AbortedByHookException> hook = hookRefusal(e);
            if (hook.isPresent()) {
                return new Transport.PushResult.Rejected("the pre-push hook refused the push"
                        + HookOutput.lastLine(hook.get().getHookStdErr()).map(l -> ": " + l).orElse(""), true);
            }
            return new Transport.PushResult.Failed(FailureClassifier.classify("push", remote, e));
        }
    }

    /** JGit wraps a refusing pre-push hook in a TransportException. */
    private static Optional<AbortedByHookException> hookRefusal(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof AbortedByHookException hook) {
                return Optional.of(hook);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Failure> probePush(GitRepo repo, String remote, String localRef, String remoteRef, Duration timeout) {
        try {
            if (!repo.hasRemote(remote)) {
                return Optional.of(missingRemote(remote));
            }
            PushCommand push = repo.git().push().setRemote(remote).setDryRun(true).setCredentialsProvider(NETRC)
                    .setRefSpecs(new RefSpec(localRef + ":" + remoteRef)).setTimeout(seconds(timeout));
            if (receivePack.isPresent() && isLocal(repo, remote)) {
                push.setReceivePack(receivePack.get());
            }
            push.call();
            return Optional.empty();
        } catch (GitAPIException | RuntimeException e) {
            return Optional.of(FailureClassifier.classify("push", remote, e));
        }
    }

    @Override
    public ProbeResult probe(GitRepo repo, String remote, Duration timeout) {
        try {
            if (!repo.hasRemote(remote)) {
                return new ProbeResult.Failed(missingRemote(remote));
            }
            var refs = repo.git().lsRemote().setRemote(remote).setHeads(true).setCredentialsProvider(NETRC).setTimeout(seconds(timeout)).call();
            return new ProbeResult.Reachable(refs.stream().map(Ref::getName).sorted().toList());
        } catch (GitAPIException | RuntimeException e) {
            return new ProbeResult.Failed(FailureClassifier.classify("ls-remote", remote, e));
        }
    }

    @Override
    public RefRead readRef(GitRepo repo, String remote, String remoteRef, Duration timeout) {
        return lsRemote(repo, remote, remoteRef, true, timeout);
    }

    @Override
    public RefRead peekRef(GitRepo repo, String remote, String remoteRef, Duration timeout) {
        return lsRemote(repo, remote, remoteRef, false, timeout);
    }

    /** One ref through the push URL (where a push went) or the fetch URL (where a poll looks). */
    private static RefRead lsRemote(GitRepo repo, String remote, String remoteRef, boolean push, Duration timeout) {
        try {
            RemoteConfig config = new RemoteConfig(repo.repository().getConfig(), remote);
            List<URIish> uris = push && !config.getPushURIs().isEmpty() ? config.getPushURIs() : config.getURIs();
            if (uris.isEmpty()) {
                return new RefRead.Failed(missingRemote(remote));
            }
            URIish uri = uris.getFirst();
            if (uri.getHost() == null && (uri.getScheme() == null || "file".equals(uri.getScheme()))) {
                Optional<RefRead> direct = readLocal(repo, uri, remoteRef);
                if (direct.isPresent()) {
                    return direct.get();
                }
            }
            var refs = repo.git().lsRemote().setRemote(uri.toString()).setCredentialsProvider(NETRC)
                    .setTimeout(seconds(timeout)).callAsMap();
            return new RefRead.At(Optional.ofNullable(refs.get(remoteRef)).map(r -> r.getObjectId().name()));
        } catch (URISyntaxException e) {
            return new RefRead.Failed(Failure.of(FailureKind.NOT_FOUND, remote + "'s URL cannot be read: " + e.getMessage()));
        } catch (GitAPIException | RuntimeException e) {
            return new RefRead.Failed(FailureClassifier.classify("ls-remote", remote, e));
        }
    }

    /**
     * A remote on this machine is read where it lies: one ref file (or packed-refs), where
     * ls-remote would start an upload-pack session on pipes and threads to learn the same.
     */
    private static Optional<RefRead> readLocal(GitRepo repo, URIish uri, String remoteRef) {
        File dir = new File(uri.getPath());
        if (!dir.isAbsolute()) {
            dir = new File(repo.workTree().toFile(), uri.getPath());
        }
        File gitDir = new File(dir, ".git").isDirectory() ? new File(dir, ".git") : dir;
        if (!new File(gitDir, "HEAD").isFile()) {
            return Optional.empty(); // not a plain repository folder (gone, a bundle, a .git file): ls-remote says what it is
        }
        try (org.eclipse.jgit.lib.Repository there = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(gitDir).setMustExist(true).build()) {
            Ref ref = there.exactRef(remoteRef);
            return Optional.of(new RefRead.At(Optional.ofNullable(ref).map(Ref::getObjectId).map(org.eclipse.jgit.lib.ObjectId::name)));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Failure missingRemote(String remote) {
        return Failure.of(FailureKind.NOT_FOUND, "This repository has no remote named " + remote
                + "; add it with `git remote add " + remote + " URL` or fix the repository's remotes in Tidesync's config");
    }

    private static boolean isLocal(GitRepo repo, String remote) {
        try {
            RemoteConfig config = new RemoteConfig(repo.repository().getConfig(), remote);
            List<URIish> uris = config.getPushURIs().isEmpty() ? config.getURIs() : config.getPushURIs();
            return uris.stream().allMatch(u -> u.getHost() == null && (u.getScheme() == null || "file".equals(u.getScheme())));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Optional<String> findReceivePack() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "git-receive-pack");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static int seconds(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }
}
