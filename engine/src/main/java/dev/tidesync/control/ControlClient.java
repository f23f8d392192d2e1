package dev.tidesync.control;

import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlMessage.Reply;
import dev.tidesync.control.ControlMessage.Request;
import dev.tidesync.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Talks to the running engine, if there is one. No engine (or a dead one's socket) is simply empty. */
public final class ControlClient {

    private ControlClient() {}

    public static Optional<Reply> send(TidesyncHome home, Request request, Duration timeout) {
        if (!Files.exists(home.socket(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (ExecutorService one = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Reply> reply = one.submit(() -> exchange(home, request));
            try {
                return Optional.ofNullable(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                reply.cancel(true);
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                one.shutdownNow();
            }
        }
    }

    public static boolean running(TidesyncHome home) {
        return send(home, Request.ping(), Duration.ofSeconds(2)).isPresent();
    }

    private static Reply exchange(TidesyncHome home, Request request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(ControlSocket.connectAddress(home));
            var out = Channels.newOutputStream(channel);
            out.write((Json.mapper().writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? null : Json.mapper().readValue(line, Reply.class);
        }
    }
}
