package dev.tidesync.control;

import dev.tidesync.config.TidesyncHome;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the control socket lives: `HOME/tidesync.sock`. Unix socket paths are limited to about
 * 100 bytes, so a deeper home gets the socket in the temp folder, named after the home, and
 * `HOME/tidesync.sock` becomes a symbolic link to it.
 */
final class ControlSocket {

    static final int MAX_PATH_BYTES = 100;

    private ControlSocket() {}

    /** The address the server binds. */
    static Path bindPath(TidesyncHome home) {
        Path wanted = home.socket();
        if (fits(wanted)) {
            return wanted;
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "tidesync-" + user + "-" + hash(wanted) + ".sock");
    }

    /** The address a client connects to: the link's target when the home's socket is a link. */
    static UnixDomainSocketAddress connectAddress(TidesyncHome home) throws IOException {
        Path link = home.socket();
        Path target = Files.isSymbolicLink(link) ? Files.readSymbolicLink(link) : link;
        return UnixDomainSocketAddress.of(target);
    }

    static boolean fits(Path p) {
        return p.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
    }

    private static String hash(Path p) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(p.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
