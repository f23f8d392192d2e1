package dev.tidesync.control;

import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlMessage.Reply;
import dev.tidesync.control.ControlMessage.Request;
import dev.tidesync.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Duration;
import java.util.Optional;

/** Talks to the running engine, if there is one. No engine (or a dead one's socket) is simply empty. */
public final class ControlClient {

    private ControlClient() {}

    public static Optional<Reply> send(TidesyncHome home, Request request, Duration timeout) {
        String line;
        try {
            line = Json.mapper().writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exchange(home, line, timeout).flatMap(ControlClient::reply);
    }

    public static boolean running(TidesyncHome home) {
        return send(home, Request.ping(), Duration.ofSeconds(2)).isPresent();
    }

    /** Whether an engine may be listening: its socket exists. Costs one stat, no connection. */
    public static boolean socketExists(TidesyncHome home) {
        return Files.exists(home.socket(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Sends one request line and returns the reply line. Plain text on purpose: the hook's quick
     * path calls this without loading Jackson's object mapper (see cli.QuickHook).
     */
    public static Optional<String> exchange(TidesyncHome home, String requestLine, Duration timeout) {
        if (!socketExists(home)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // A Unix socket channel has no read timeout: a watchdog closes it, which ends a blocked read.
            Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(timeout);
                    channel.close();
                } catch (InterruptedException | IOException ignored) {
                    // the exchange finished first
                }
            });
            try {
                channel.connect(ControlSocket.connectAddress(home));
                var out = Channels.newOutputStream(channel);
                out.write((requestLine + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                var in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
                return Optional.ofNullable(in.readLine());
            } finally {
                watchdog.interrupt();
            }
        } catch (IOException e) {
            return Optional.empty(); // no engine, a dead one's socket, or no answer in time
        }
    }

    private static Optional<Reply> reply(String line) {
        try {
            return Optional.of(Json.mapper().readValue(line, Reply.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
