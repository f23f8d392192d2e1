package dev.tidesync.git;

import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads JGit's exception chains and git's error output, and names the failure the way a user would. */
final class FailureClassifier {

    /** An HTTP 401/403 status on its own, not digits inside a path or a number (a temp folder may hold "401"). */
    private static final Pattern HTTP_DENIED = Pattern.compile("(?<![\\w/.-])40[13](?![\\w/.-])");
    private static final Pattern HOST_KEY_UNKNOWN = Pattern.compile("host key verification failed|no \\S+ host key is known|hostkey.*(rejected|unknown)|unknown server key");
    private static final String[] AUTH = {
        "not authorized", "authentication failed", "auth fail", "no credentialsprovider", "permission denied (",
        "permission denied, please try again", "could not read username", "could not read password",
        "terminal prompts disabled", "http basic: access denied", "invalid username or password", "authentication required",
    };
    private static final String[] OFFLINE = {
        "unknownhost", "unknown host", "could not resolve host", "connection refused", "no route to host",
        "network is unreachable", "connection reset", "connection timed out", "failed to connect to", "couldn't connect to server",
        "connection closed by", "empty reply from server", "ssh: connect to host", "cannot open git-upload-pack",
        "cannot open git-receive-pack", "the remote end hung up", "eof",
    };
    private static final String[] NOT_FOUND = {
        "not found", "does not appear to be a git repository", "no such file", "not a git repository", "invalid remote",
        "repository not found", "error: 404",
    };

    private FailureClassifier() {}

    static Failure classify(String operation, String remote, Throwable error) {
        return classifyText(operation, remote, RemoteUrl.unknown(), chainText(error), rootMessage(error));
    }

    /** git's own stderr after a failed run; {@code stalled} when Tidesync ended it for making no progress. */
    static Failure classifyOutput(String operation, String remote, RemoteUrl url, String stderr, boolean stalled) {
        if (stalled) {
            return Failure.of(FailureKind.TIMEOUT, "git " + operation + " with " + remote
                    + " stopped making progress and was ended; Tidesync will try again later");
        }
        return classifyText(operation, remote, url, stderr, lastMessage(stderr));
    }

    private static Failure classifyText(String operation, String remote, RemoteUrl url, String raw, String first) {
        String text = raw.toLowerCase(Locale.ROOT);
        if (text.contains("remote host identification has changed")) {
            return Failure.of(FailureKind.AUTH, "The SSH host key of " + remote + " (" + url.host()
                    + ") has changed since ~/.ssh/known_hosts recorded it, so Tidesync refused to connect; find out why"
                    + " before you remove the old key with `ssh-keygen -R " + url.host() + "`");
        }
        if (HOST_KEY_UNKNOWN.matcher(text).find()) {
            return Failure.of(FailureKind.AUTH, "Authentication failed for " + remote + ": the SSH host key of " + url.host()
                    + " is not in ~/.ssh/known_hosts, so Tidesync refused to connect; check and accept it once with `ssh "
                    + url.sshTarget() + "` in a terminal, or set network.acceptNewHostKeys to true to trust keys seen for the first time");
        }
        if (containsAny(text, AUTH) || HTTP_DENIED.matcher(text).find()) {
            return Failure.of(FailureKind.AUTH, "Authentication failed for " + remote + "; " + authAdvice(operation, remote, url));
        }
        if (text.contains("timed out") || text.contains("timeout")) {
            return Failure.of(FailureKind.TIMEOUT, operation + " from " + remote
                    + " stalled and was stopped; Tidesync will try again later");
        }
        if (containsAny(text, OFFLINE)) {
            return Failure.of(FailureKind.OFFLINE, remote + " could not be reached (" + first
                    + "); Tidesync will try again when the network is back");
        }
        if (containsAny(text, NOT_FOUND)) {
            return Failure.of(FailureKind.NOT_FOUND, "The remote " + remote + " was not found (" + first
                    + "); check its URL with `git remote -v`");
        }
        return Failure.of(FailureKind.OTHER, operation + " with " + remote + " failed: " + first);
    }

    private static String authAdvice(String operation, String remote, RemoteUrl url) {
        return switch (url.kind()) {
            case SSH -> "the server accepted none of the SSH keys offered; load your key into ssh-agent with `ssh-add`"
                    + " or check IdentityFile for " + url.host() + " in ~/.ssh/config, then run `tidesync sync`";
            case HTTP -> "git has no working credentials for " + url.host() + "; run `git " + operation + " " + remote
                    + "` in a terminal once so your credential helper stores a valid token, then run `tidesync sync`";
            default -> "check the credentials git uses for it (try `git " + operation + " " + remote + "` in a terminal)";
        };
    }

    private static boolean containsAny(String text, String[] needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** The most telling line of git's stderr: its fatal/error line, else the last non-progress line. */
    private static String lastMessage(String stderr) {
        String best = null;
        String last = null;
        for (String line : stderr.split("[\r\n]+")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            last = l;
            if (best == null && (l.startsWith("fatal:") || l.startsWith("error:") || l.startsWith("ssh:"))) {
                best = l;
            }
        }
        String chosen = best != null ? best : last != null ? last : "no message";
        chosen = chosen.replaceFirst("^(fatal|error): ", "");
        return chosen.length() > 300 ? chosen.substring(0, 300) + "…" : chosen;
    }

    private static String chainText(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
            if (t.getCause() == t) {
                break;
            }
        }
        return out.toString();
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() != null ? root.getMessage() : error.getMessage();
        return m == null ? root.getClass().getSimpleName() : m.strip();
    }
}
