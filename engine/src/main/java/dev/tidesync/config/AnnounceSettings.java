package dev.tidesync.config;

import java.net.URI;
import java.util.Optional;

/**
 * The announcement channel: after a push, this machine tells the others through an MQTT broker
 * so they fetch at once instead of at their next poll. Off while {@code url} is empty.
 *
 * @param url          mqtt://host:port or mqtts://host:port (TLS)
 * @param key          the secret all of one person's machines share: it names the topics and signs every message
 * @param username     the broker account, if it wants one
 * @param passwordFile a file holding the broker password (never config.json, never a log)
 * @param caFile       PEM certificates to trust for an mqtts:// broker instead of the system's (a private CA); empty: the system's
 */
public record AnnounceSettings(String url, String key, String username, String passwordFile, String caFile) {

    /** The shortest key accepted, in bytes: shorter ones can be guessed from the topics. */
    public static final int MIN_KEY_BYTES = 16;

    public AnnounceSettings {
        url = url == null ? "" : url.strip();
        key = key == null ? "" : key;
        username = username == null ? "" : username;
        passwordFile = passwordFile == null ? "" : passwordFile;
        caFile = caFile == null ? "" : caFile;
    }

    public AnnounceSettings(String url, String key, String username, String passwordFile) {
        this(url, key, username, passwordFile, "");
    }

    public static AnnounceSettings off() {
        return new AnnounceSettings("", "", "", "", "");
    }

    public boolean enabled() {
        return !url.isEmpty();
    }

    /** Why {@code url} is not a broker address, if it is not. */
    public static Optional<String> urlProblem(String url) {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url);
            if (!"mqtt".equals(u.getScheme()) && !"mqtts".equals(u.getScheme())) {
                return Optional.of("must start with mqtt:// or mqtts://, not \"" + url + "\"");
            }
            if (u.getHost() == null || (u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/")) || u.getUserInfo() != null) {
                return Optional.of("must be mqtt://host:port or mqtts://host:port (the user name is announce.username), not \"" + url + "\"");
            }
            return Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.of("is not an address: " + e.getReason());
        }
    }

    /** The port, with MQTT's defaults: 1883, and 8883 over TLS. */
    public int port() {
        URI u = URI.create(url);
        return u.getPort() > 0 ? u.getPort() : "mqtts".equals(u.getScheme()) ? 8883 : 1883;
    }

    public String host() {
        return URI.create(url).getHost();
    }

    public boolean tls() {
        return url.startsWith("mqtts://");
    }
}
