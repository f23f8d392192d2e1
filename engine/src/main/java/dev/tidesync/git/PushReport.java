package dev.tidesync.git;

import dev.tidesync.git.Transport.PushResult;
import java.util.Optional;

/** Reads {@code git push --porcelain}: one line per ref, {@code flag TAB from:to TAB summary}. */
final class PushReport {

    private PushReport() {}

    static Optional<PushResult> read(String stdout, String remoteRef) {
        for (String line : stdout.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length < 3 || parts[0].length() != 1 || !parts[1].endsWith(":" + remoteRef)) {
                continue;
            }
            String summary = parts[2].strip();
            return Optional.of(switch (parts[0].charAt(0)) {
                case '=' -> new PushResult.Pushed(false);
                case ' ', '*' -> new PushResult.Pushed(true);
                case '!' -> rejected(summary);
                default -> new PushResult.Rejected(summary, false); // '+' or '-' never come from a push Tidesync asks for
            });
        }
        return Optional.empty();
    }

    private static PushResult rejected(String summary) {
        String reason = reason(summary);
        if (summary.startsWith("[rejected]") && (reason.contains("fetch first") || reason.contains("non-fast-forward"))) {
            return new PushResult.NotFastForward();
        }
        if (reason.contains("failed to update ref") || reason.contains("lock")) {
            // Another push updated the same ref at this instant: integrate and retry.
            return new PushResult.NotFastForward();
        }
        return new PushResult.Rejected(reason.isEmpty() ? summary : reason, false);
    }

    /** "[remote rejected] (pre-receive hook declined)" gives "pre-receive hook declined". */
    private static String reason(String summary) {
        int open = summary.indexOf('(');
        int close = summary.lastIndexOf(')');
        return open >= 0 && close > open ? summary.substring(open + 1, close) : "";
    }

    /** What a refusing pre-push hook printed last, without git's own closing lines. */
    static String hookMessage(String stderr) {
        String said = null;
        for (String line : stderr.split("[\r\n]+")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("error: failed to push") && !l.startsWith("To ") && !l.startsWith("hint:")) {
                said = l;
            }
        }
        return said == null ? "the pre-push hook refused the push" : "the pre-push hook said: " + said;
    }
}
