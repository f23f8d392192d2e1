package dev.tidesync.git;

import java.net.URISyntaxException;
import java.util.List;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.URIish;

/** Where a remote points and how it is reached; credentials in the URL never leave this record unredacted. */
public record RemoteUrl(Kind kind, String host, String user, int port, String text) {

    public enum Kind { LOCAL, SSH, HTTP, OTHER, UNKNOWN }

    static RemoteUrl unknown() {
        return new RemoteUrl(Kind.UNKNOWN, "the server", null, -1, "");
    }

    /** The remote's URL as git would use it for {@code push} or fetch (insteadOf applied). */
    public static RemoteUrl of(GitRepo repo, String remote, boolean push) {
        try {
            RemoteConfig config = new RemoteConfig(repo.repository().getConfig(), remote);
            List<URIish> uris = push && !config.getPushURIs().isEmpty() ? config.getPushURIs() : config.getURIs();
            return uris.isEmpty() ? unknown() : of(uris.getFirst());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return unknown();
        }
    }

    static RemoteUrl of(URIish uri) {
        String scheme = uri.getScheme();
        Kind kind;
        if (uri.getHost() == null && (scheme == null || "file".equals(scheme))) {
            kind = Kind.LOCAL;
        } else if (scheme == null || scheme.startsWith("ssh") || scheme.endsWith("+ssh")) {
            kind = Kind.SSH;
        } else if (scheme.startsWith("http")) {
            kind = Kind.HTTP;
        } else {
            kind = Kind.OTHER;
        }
        return new RemoteUrl(kind, uri.getHost() == null ? "this machine" : uri.getHost(), uri.getUser(), uri.getPort(),
                Redaction.redact(uri.toString()));
    }

    public boolean local() {
        return kind == Kind.LOCAL;
    }

    /** What to type after {@code ssh} to reach the same host by hand. */
    String sshTarget() {
        String target = (user == null ? "" : user + "@") + host;
        return "-T " + (port > 0 ? "-p " + port + " " : "") + target;
    }
}
