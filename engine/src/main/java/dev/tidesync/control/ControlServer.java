package dev.tidesync.control;

import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlMessage.Reply;
import dev.tidesync.control.ControlMessage.Request;
import dev.tidesync.io.InterProcessLock;
import dev.tidesync.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running engine's door: a Unix-domain socket only its owner can open. Holding it also
 * proves this is the one engine of this Tidesync home (an OS file lock backs that up).
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final int MAX_LINE = 64 * 1024;

    /** Answers one request; runs on a virtual thread per connection. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request);
    }

    /** Another engine already serves this home. */
    public static final class AlreadyRunning extends Exception {
        public AlreadyRunning(String message) {
            super(message);
        }
    }

    private final InterProcessLock.Held instanceLock;
    private final ServerSocketChannel server;
    private final Path bound;
    private final Path link;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread acceptor;

    private ControlServer(InterProcessLock.Held instanceLock, ServerSocketChannel server, Path bound, Path link, Handler handler) {
        this.instanceLock = instanceLock;
        this.server = server;
        this.bound = bound;
        this.link = link;
        this.acceptor = Thread.ofPlatform().daemon().name("tidesync-control").start(() -> accept(handler));
    }

    /** Becomes the single engine of {@code home}, or says which one already is. */
    public static ControlServer start(TidesyncHome home, Handler handler) throws IOException, AlreadyRunning {
        Files.createDirectories(home.stateDir());
        Optional<InterProcessLock.Held> lock = InterProcessLock.acquire(home.stateDir().resolve("engine.lock"), Duration.ZERO);
        if (lock.isEmpty()) {
            String pid = ControlClient.send(home, Request.ping(), Duration.ofSeconds(2)).map(r -> " (pid " + r.pid() + ")").orElse("");
            throw new AlreadyRunning("Tidesync is already running for " + home.stateDir() + pid
                    + "; stop it first, or use --home for a separate one");
        }
        try {
            Path bindPath = ControlSocket.bindPath(home);
            // We hold the instance lock, so a socket file left here belongs to an engine that died.
            Files.deleteIfExists(bindPath);
            Path link = home.socket();
            if (!bindPath.equals(link)) {
                Files.deleteIfExists(link);
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(bindPath));
            ownerOnly(bindPath);
            if (!bindPath.equals(link)) {
                Files.createSymbolicLink(link, bindPath);
            }
            return new ControlServer(lock.get(), server, bindPath, link, handler);
        } catch (IOException | RuntimeException e) {
            lock.get().close();
            throw e;
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: AF_UNIX sockets take the folder's ACL, which is the user's own profile.
        }
    }

    private void accept(Handler handler) {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                connections.execute(() -> serve(client, handler));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("control socket: {}", e.getMessage());
                }
            }
        }
    }

    private static void serve(SocketChannel client, Handler handler) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
            String line = readLine(in);
            Reply reply;
            if (line == null) {
                return;
            }
            try {
                reply = handler.handle(Json.mapper().readValue(line, Request.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                reply = new Reply(false, false, "not a Tidesync request", ProcessHandle.current().pid());
            }
            OutputStream out = Channels.newOutputStream(client);
            out.write((Json.mapper().writeValueAsString(reply) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException e) {
            LOG.debug("control connection: {}", e.toString());
        }
    }

    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (s.length() >= MAX_LINE) {
                return null;
            }
            s.append((char) c);
        }
        return s.isEmpty() && c == -1 ? null : s.toString();
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(bound);
            if (!bound.equals(link)) {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            LOG.debug("closing the control socket: {}", e.getMessage());
        } finally {
            connections.shutdownNow();
            try {
                instanceLock.close();
            } catch (IOException e) {
                LOG.debug("releasing the engine lock: {}", e.getMessage());
            }
        }
    }
}
