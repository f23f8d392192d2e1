package dev.tidesync.host;

import dev.tidesync.engine.RecordedSync;
import dev.tidesync.config.ConfigException;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlMessage.Reply;
import dev.tidesync.control.ControlMessage.Request;
import dev.tidesync.control.ControlServer;
import dev.tidesync.engine.Engine;
import dev.tidesync.engine.EngineListener;
import dev.tidesync.hook.HookEvent;
import dev.tidesync.hook.HookReply;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.Journal;
import dev.tidesync.io.MachineName;
import dev.tidesync.sync.SyncService;
import dev.tidesync.trigger.SystemScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/**
 * One running engine with everything around it: timers, worker threads, watchers and the
 * control socket that makes it the only one. `tidesync run` and the tray app both host the
 * engine through this class, so they behave the same.
 */
public final class EngineHost implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineHost.class);

    /** Automatic cycles at once across every repository: enough to overlap network waits, few enough to stay light. */
    static final int BACKGROUND_CYCLES = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Engine engine;
    private final Journal journal;
    private final ConfigStore config;
    private final GitAccess git;
    private final SystemScheduler scheduler;
    private final ExecutorService work;
    private final ExecutorService watchers;
    private final ControlServer server;

    private EngineHost(Engine engine, Journal journal, ConfigStore config, GitAccess git, SystemScheduler scheduler,
                       ExecutorService work, ExecutorService watchers, ControlServer server) {
        this.engine = engine;
        this.journal = journal;
        this.config = config;
        this.git = git;
        this.scheduler = scheduler;
        this.work = work;
        this.watchers = watchers;
        this.server = server;
    }

    /**
     * The window that hosts the engine, when one does (the tray app).
     *
     * @param show     what a second launch of the app asks for: show the window
     * @param describe how it shows itself (its tray), for `tidesync doctor`
     */
    public record Frontend(Runnable show, java.util.function.Supplier<String> describe) {}

    /**
     * Starts the engine and claims the control socket.
     *
     * @param environment the environment git sees (the process's own in production)
     * @param frontend    the app's window; empty when headless
     */
    public static EngineHost start(TidesyncHome home, Map<String, String> environment, Clock clock, List<EngineListener> listeners,
                                   Optional<Frontend> frontend) throws ControlServer.AlreadyRunning, ConfigException, IOException {
        ConfigStore config = new ConfigStore(home.configFile());
        var settings = config.load().settings(); // an invalid file ends here, with its line and column
        Journal journal = new Journal(home, settings.history(), clock);
        SystemScheduler scheduler = new SystemScheduler(clock);
        ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
        // Each watcher's loop waits on its WatchService queue: a virtual thread parks there for free, where a platform
        // thread per repository cost ~100 KB of stack each (docs/benchmarks.md, memory).
        ExecutorService watchers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tidesync-watch-", 0).factory());
        GitAccess described = GitAccess.detect(settings.network(), environment);
        Engine engine = new Engine(new Engine.Options(config, journal,
                s -> new RecordedSync(s, journal, GitAccess.detect(s.network(), environment), clock, MachineName.name()),
                scheduler, work, watchers, RandomGenerator.getDefault(), true, Duration.ofSeconds(30), BACKGROUND_CYCLES));
        listeners.forEach(engine::addListener);
        ControlServer server;
        try {
            server = ControlServer.start(home, request -> answer(engine, request, frontend));
        } catch (ControlServer.AlreadyRunning | IOException | RuntimeException e) {
            work.shutdownNow();
            watchers.shutdownNow();
            scheduler.close();
            throw e;
        }
        EngineHost host = new EngineHost(engine, journal, config, described, scheduler, work, watchers, server);
        try {
            engine.start();
        } catch (ConfigException | RuntimeException e) {
            host.close();
            throw e;
        }
        return host;
    }

    public Engine engine() {
        return engine;
    }

    public Journal journal() {
        return journal;
    }

    public ConfigStore config() {
        return config;
    }

    /** How remotes are reached, for the log and the about box. */
    public String transport() {
        return git.describe();
    }

    /** Stops the engine, letting running syncs finish for up to {@code grace}; false if one was still running. */
    public boolean stop(Duration grace) {
        boolean clean = engine.stop(grace);
        try {
            journal.flushRoutine();
        } catch (IOException e) {
            LOG.warn("could not write the last polls to the state: {}", e.getMessage());
        }
        close();
        return clean;
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        work.shutdownNow();
        watchers.shutdownNow();
        scheduler.close();
    }

    static Reply answer(Engine engine, Request request, Optional<Frontend> frontend) {
        long pid = ProcessHandle.current().pid();
        Optional<Runnable> onShow = frontend.map(Frontend::show);
        return switch (String.valueOf(request.op())) {
            case "ping" -> new Reply(true, false, frontend.map(f -> "the tray app (" + f.describe().get() + ")")
                    .orElse("the headless engine (`tidesync run`)") + "; " + engine.announcements().describe(), pid);
            case "channel" -> new Reply(true, false, engine.announcements().id() + engine.announcedRepositories().stream()
                    .map(p -> "\n" + p).collect(java.util.stream.Collectors.joining()), pid);
            case "counts" -> new Reply(true, false, engine.announcementCounts().flatMap(EngineHost::json).orElse(""), pid);
            case "status" -> engine.readStatuses((request.paths() == null ? List.<String>of() : request.paths()).stream().map(Path::of).toList())
                    .flatMap(statuses -> json(dev.tidesync.status.StatusJson.of(statuses, Optional.of(channel(engine)))))
                    .map(array -> new Reply(true, false, array, pid))
                    .orElseGet(() -> new Reply(false, false, "not every repository asked for is watched by this engine, or their status could not be written", pid));
            case "reload" -> {
                engine.reload();
                yield new Reply(true, false, "reloaded", pid);
            }
            case "show" -> {
                onShow.ifPresent(Runnable::run);
                yield new Reply(onShow.isPresent(), false, onShow.isPresent() ? "shown" : "the headless engine has no window", pid);
            }
            case "hook" -> {
                try {
                    HookEvent event = HookEvent.fromId(request.event());
                    Duration wait = Duration.ofMillis(request.waitMs() == null ? 0 : request.waitMs());
                    HookReply r = engine.hook(event, Path.of(request.cwd() == null ? "." : request.cwd()), wait,
                            dev.tidesync.model.RequestedBy.agent(request.agent(), java.util.Optional.ofNullable(request.session())));
                    yield new Reply(true, r.synced(), r.message(), pid, r.quiet());
                } catch (IllegalArgumentException e) {
                    yield new Reply(false, false, e.getMessage(), pid);
                }
            }
            default -> new Reply(false, false, "unknown request " + request.op(), pid);
        };
    }

    /** A reply's JSON; empty if it cannot be written (the caller then answers without it). */
    private static Optional<String> json(Object value) {
        try {
            return Optional.of(dev.tidesync.io.Json.mapper().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static dev.tidesync.status.StatusJson.Channel channel(Engine engine) {
        return new dev.tidesync.status.StatusJson.Channel(engine.announcements().id(), engine.announcedRepositories());
    }
}
