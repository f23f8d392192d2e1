package dev.tidesync.trigger;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.tidesync.io.OperatingSystem;
import io.methvin.watchservice.MacOSXListeningWatchService;
import io.methvin.watchservice.WatchablePath;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch service for every repository: on Linux one inotify instance and one dispatch thread
 * however many repositories are watched (a service per repository ran into Linux's default of
 * 128 inotify instances per user, and cost a thread and buffers each). Directories are
 * registered one by one as they appear (inotify is not recursive), skipping what a
 * subscription's filter excludes; events are routed back to the subscription that owns the
 * directory. macOS uses directory-watcher's FSEvents service and Windows the JDK's recursive
 * watch, one registration per root.
 */
public final class WatchHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);

    /** What a subscription hears; called on the hub's one thread, so implementations only hand on. */
    public interface Listener {
        /** A file or folder was created, changed or deleted. */
        void changed(Path path, boolean directory);

        /** Events were lost (the kernel's queue overflowed): the subscriber must look for itself. */
        void lostTrack();
    }

    private enum Mode { PER_DIRECTORY, FILE_TREE, MAC }

    private final WatchService service;
    private final Mode mode;
    private final Map<WatchKey, Registered> keys = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Registered(Path dir, Subscription owner) {}

    private WatchHub(WatchService service, Mode mode) {
        this.service = service;
        this.mode = mode;
    }

    /** Opens the service and starts its dispatch loop on {@code thread}. */
    public static WatchHub start(Executor thread) throws IOException {
        OperatingSystem os = OperatingSystem.current();
        WatchHub hub = os == OperatingSystem.MAC ? new WatchHub(new MacOSXListeningWatchService(), Mode.MAC)
                : new WatchHub(FileSystems.getDefault().newWatchService(), os == OperatingSystem.WINDOWS ? Mode.FILE_TREE : Mode.PER_DIRECTORY);
        thread.execute(hub::dispatch);
        return hub;
    }

    /** How many directories are registered now (inotify watches on Linux), for measurements. */
    public int registeredDirectories() {
        return keys.size();
    }

    /**
     * Watches {@code roots} and, on Linux, every folder below them that {@code descend} accepts
     * (now and as they appear). Returns once every folder is registered.
     */
    public Subscription watch(List<Path> roots, Predicate<Path> descend, Listener listener) throws IOException {
        Subscription s = new Subscription(descend, listener);
        try {
            for (Path root : roots) {
                s.registerTree(root);
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** One repository's share of the hub. */
    public final class Subscription implements AutoCloseable {
        private final Predicate<Path> descend;
        private final Listener listener;
        private volatile boolean cancelled;

        private Subscription(Predicate<Path> descend, Listener listener) {
            this.descend = descend;
            this.listener = listener;
        }

        private void registerTree(Path root) throws IOException {
            if (mode != Mode.PER_DIRECTORY) {
                register(root); // the service watches the whole tree; the listener filters
                return;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && !descend.test(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable folder is not watched, the rest is
                }
            });
        }

        private void register(Path dir) throws IOException {
            if (cancelled || closed) {
                return;
            }
            WatchEvent.Kind<?>[] kinds = {ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY};
            WatchKey key = switch (mode) {
                case PER_DIRECTORY -> dir.register(service, kinds);
                case FILE_TREE -> dir.register(service, kinds, com.sun.nio.file.ExtendedWatchEventModifier.FILE_TREE);
                case MAC -> new WatchablePath(dir).register(service, kinds);
            };
            keys.put(key, new Registered(dir, this));
        }

        /** A folder appeared: watch it and what it holds, and report what is already inside (it filled before we looked). */
        private void created(Path dir) {
            if (mode != Mode.PER_DIRECTORY || !descend.test(dir)) {
                return;
            }
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                        if (!d.equals(dir) && !descend.test(d)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        register(d);
                        if (!d.equals(dir)) {
                            listener.changed(d, true);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        listener.changed(file, false);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                LOG.debug("could not register the new folder {}: {}", dir, e.getMessage());
                listener.lostTrack();
            }
        }

        /** Stops watching this subscription's folders; the hub goes on for the others. */
        @Override
        public void close() {
            cancelled = true;
            keys.entrySet().removeIf(e -> {
                if (e.getValue().owner() == this) {
                    e.getKey().cancel();
                    return true;
                }
                return false;
            });
        }
    }

    private void dispatch() {
        while (!closed) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Registered r = keys.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (r == null || r.owner().cancelled) {
                    continue;
                }
                try {
                    deliver(r, event);
                } catch (RuntimeException e) {
                    LOG.debug("a watch listener failed on {}: {}", r.dir(), e.toString());
                }
            }
            if (!key.reset()) {
                keys.remove(key); // the folder is gone; its parent reported the deletion
            }
        }
    }

    private static void deliver(Registered r, WatchEvent<?> event) {
        if (event.kind() == OVERFLOW) {
            r.owner().listener.lostTrack();
            return;
        }
        if (!(event.context() instanceof Path name)) {
            return;
        }
        Path path = r.dir().resolve(name);
        boolean directory = event.kind() != ENTRY_DELETE && Files.isDirectory(path, NOFOLLOW_LINKS);
        r.owner().listener.changed(path, directory);
        if (event.kind() == ENTRY_CREATE && directory) {
            r.owner().created(path);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.getMessage());
        }
    }
}
