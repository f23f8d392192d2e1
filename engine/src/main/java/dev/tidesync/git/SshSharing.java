package dev.tidesync.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenSSH connection sharing for Tidesync's own git runs: the first fetch or push to a host opens
 * one connection, and every poll, fetch and push to that host for the next minute goes through it
 * instead of a handshake of its own. Left alone where the user's ssh config already decides
 * (ControlMaster or ControlPath set for that host), and on Windows, whose OpenSSH cannot share.
 */
final class SshSharing {

    /** How long the shared connection outlives its last use: a poll interval, so polls keep it. */
    static final int PERSIST_SECONDS = 60;

    private final GitCli git;
    /** base ssh command + host → the options to add (empty: the user's config decides, or ssh -G could not tell). */
    private final Map<String, String> decided = new ConcurrentHashMap<>();

    SshSharing(GitCli git) {
        this.git = git;
    }

    /** The options to put after the user's ssh command for this remote; empty when sharing is not ours to set. */
    String options(String base, RemoteUrl url, Path workTree) {
        if (url.kind() != RemoteUrl.Kind.SSH || url.host() == null || url.host().isBlank() || windows()) {
            return "";
        }
        return decided.computeIfAbsent(base + "\n" + url.user() + "@" + url.host() + ":" + url.port(), k -> decide(base, url, workTree));
    }

    private String decide(String base, RemoteUrl url, Path workTree) {
        String plain = "[A-Za-z0-9._:\\[\\]%-]+";
        if (!url.host().matches(plain) || (url.user() != null && !url.user().matches(plain))) {
            return ""; // not a plain host or user name: never put it on a command line
        }
        String target = (url.port() > 0 ? " -p " + url.port() : "") + (url.user() != null ? " -l " + url.user() : "") + " " + url.host();
        try {
            GitCli.Result config = git.shell(workTree, Duration.ofSeconds(10), base + " -G" + target);
            if (!config.ok() || !usersConfigLeavesItToUs(config.stdout())) {
                return "";
            }
            Path sockets = socketFolder();
            return " -o ControlMaster=auto -o ControlPath=" + sockets + "/%C -o ControlPersist=" + PERSIST_SECONDS;
        } catch (IOException | RuntimeException e) {
            return ""; // cannot tell: one connection per run, as git does by default
        }
    }

    /**
     * `ssh -G` prints the effective settings: "controlmaster false" and no control path (OpenSSH
     * prints none, or "none") means the user's config set neither.
     */
    static boolean usersConfigLeavesItToUs(String effective) {
        boolean masterOff = false;
        boolean pathSet = false;
        for (String line : effective.split("\n")) {
            String l = line.strip().toLowerCase(Locale.ROOT);
            masterOff |= l.equals("controlmaster false");
            pathSet |= l.startsWith("controlpath ") && !l.equals("controlpath none");
        }
        return masterOff && !pathSet;
    }

    /** A folder only this user can enter: the sockets in it let anyone who can reach them use the connection. */
    private Path socketFolder() throws IOException {
        String runtime = git.env("XDG_RUNTIME_DIR").orElse(System.getProperty("java.io.tmpdir"));
        Path dir = Path.of(runtime, "tidesync-ssh-" + System.getProperty("user.name"));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.getPosixFilePermissions(dir).equals(PosixFilePermissions.fromString("rwx------"))) {
            throw new IOException(dir + " is open to others"); // someone else's folder: share nothing
        }
        if (dir.toString().contains(" ") || dir.toString().length() > 60) {
            throw new IOException(dir + " does not fit in a socket path"); // %C adds 40 characters; the limit is 104–108
        }
        return dir;
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
