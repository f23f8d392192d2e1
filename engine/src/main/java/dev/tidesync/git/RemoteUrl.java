package dev.tidesync.git;

import dev.tidesync.io.Redaction;
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

    /**
     * The remote's address as every machine writes it the same way, for naming its announcement
     * topic: no user name or password, host in lower case, no trailing slash or ".git"; scp-style
     * addresses as ssh:// ones; a local path as its real path. Empty when the remote has no URL.
     */
    public static java.util.Optional<String> canonical(GitRepo repo, String remote) {
        try {
            RemoteConfig config = new RemoteConfig(repo.repository().getConfig(), remote);
            if (config.getURIs().isEmpty()) {
                return java.util.Optional.empty();
            }
            URIish uri = config.getURIs().getFirst();
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            path = path.endsWith(".git") ? path.substring(0, path.length() - 4) : path;
            if (uri.getHost() == null) {
                java.nio.file.Path local = java.nio.file.Path.of(uri.getPath());
                local = local.isAbsolute() ? local : repo.workTree().resolve(local);
                try {
                    local = local.toRealPath();
                } catch (java.io.IOException e) {
                    local = local.toAbsolutePath().normalize();
                }
                String p = local.toString().replaceAll("/+$", "");
                return java.util.Optional.of("file://" + (p.endsWith(".git") ? p.substring(0, p.length() - 4) : p));
            }
            String scheme = uri.getScheme() == null ? "ssh" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            return java.util.Optional.of(scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + port
                    + (path.startsWith("/") ? path : "/" + path));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
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

    /**
     * The remote's web page, as forges (GitHub, GitLab, Gitea, Bitbucket…) lay them out: https,
     * the same host, the path without ".git". Never carries a user name or credential. Empty for
     * local paths and remotes whose URL cannot be read.
     */
    public static java.util.Optional<java.net.URI> webPage(GitRepo repo, String remote) {
        try {
            RemoteConfig config = new RemoteConfig(repo.repository().getConfig(), remote);
            return config.getURIs().isEmpty() ? java.util.Optional.empty() : webPage(config.getURIs().getFirst());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The first web page among {@code remotes} (empty: all the repository's remotes, origin first). */
    public static java.util.Optional<java.net.URI> webPage(GitRepo repo, java.util.List<String> remotes) {
        java.util.List<String> candidates = remotes.isEmpty() ? repo.remoteNames() : remotes;
        return candidates.stream().map(r -> webPage(repo, r)).flatMap(java.util.Optional::stream).findFirst();
    }

    static java.util.Optional<java.net.URI> webPage(URIish uri) {
        if (uri.getHost() == null || uri.getPath() == null) {
            return java.util.Optional.empty();
        }
        String path = uri.getPath().replaceAll("/+$", "").replaceAll("\\.git$", "");
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        boolean plainHttp = "http".equals(uri.getScheme());
        int port = plainHttp || "https".equals(uri.getScheme()) ? uri.getPort() : -1;
        try {
            return java.util.Optional.of(new java.net.URI(plainHttp ? "http" : "https", null, uri.getHost(), port, path, null, null));
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
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
