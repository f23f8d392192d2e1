package dev.tidesync.git;

import dev.tidesync.git.GitFailure.FailureKind;
import java.util.Locale;

/** Reads JGit's exception chains and names the failure the way a user would. */
final class FailureClassifier {

    /** An HTTP 401/403 status on its own, not digits inside a path or a number (a temp folder may hold "401"). */
    private static final java.util.regex.Pattern HTTP_DENIED = java.util.regex.Pattern.compile("(?<![\\w/.-])40[13](?![\\w/.-])");


    private FailureClassifier() {}

    static GitFailure classify(String operation, String remote, Throwable error) {
        String text = chainText(error).toLowerCase(Locale.ROOT);
        String first = rootMessage(error);
        if (text.contains("not authorized") || text.contains("authentication") || text.contains("auth fail")
                || HTTP_DENIED.matcher(text).find() || text.contains("no credentialsprovider")
                || text.contains("permission denied (publickey")) {
            return GitFailure.of(FailureKind.AUTH, "Authentication failed for " + remote
                    + "; check the credentials git uses for it (try `git " + operation + " " + remote + "` in a terminal)");
        }
        if (text.contains("timed out") || text.contains("timeout")) {
            return GitFailure.of(FailureKind.TIMEOUT, operation + " from " + remote
                    + " stalled and was stopped; Tidesync will try again later");
        }
        if (text.contains("unknownhost") || text.contains("unknown host") || text.contains("connection refused")
                || text.contains("no route to host") || text.contains("network is unreachable")
                || text.contains("connection reset") || text.contains("cannot open git-upload-pack")
                || text.contains("cannot open git-receive-pack") || text.contains("eof")) {
            return GitFailure.of(FailureKind.OFFLINE, remote + " could not be reached (" + first
                    + "); Tidesync will try again when the network is back");
        }
        if (text.contains("not found") || text.contains("does not appear to be a git repository")
                || text.contains("no such file") || text.contains("not a git repository")
                || text.contains("invalid remote") || text.contains("repository not found")) {
            return GitFailure.of(FailureKind.NOT_FOUND, "The remote " + remote + " was not found (" + first
                    + "); check its URL with `git remote -v`");
        }
        return GitFailure.of(FailureKind.OTHER, operation + " with " + remote + " failed: " + first);
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
