package dev.tidesync.cli;

import dev.tidesync.config.ConfigException;
import dev.tidesync.control.ControlMessage.Reply;
import dev.tidesync.control.ControlMessage.Request;
import dev.tidesync.control.ControlServer;
import dev.tidesync.engine.Engine;
import dev.tidesync.engine.EngineEvent;
import dev.tidesync.engine.EngineEvent.Level;
import dev.tidesync.engine.EventLog;
import dev.tidesync.engine.HookEvent;
import dev.tidesync.engine.HookReply;
import dev.tidesync.git.GitAccess;
import dev.tidesync.sync.Host;
import dev.tidesync.sync.SyncService;
import dev.tidesync.trigger.SystemScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The engine in the foreground, headless: watchers, timers, the control socket. SIGTERM/SIGINT stop it cleanly. */
@Command(name = "run", description = "Run the engine in the foreground: watch every repository and sync by itself. Stop with Ctrl-C or SIGTERM.")
final class RunCommand implements Callable<Integer> {

    /** How long a stop waits for running syncs before leaving (the contract allows 10 s in all). */
    static final Duration GRACE = Duration.ofSeconds(8);

    @ParentCommand
    TidesyncCommand root;

    @Override
    public Integer call() throws Exception {
        Services services = root.services();
        services.settings(); // an invalid config ends here with its line and column
        var home = services.home();
        var clock = services.environment().clock();
        ZoneId zone = clock.getZone();
        var err = System.err;
        EventLog log = new EventLog(err, home.logsDir(), root.verbose ? Level.DEBUG : Level.INFO, zone);
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onStop(stop::countDown); // before anything starts, so an early SIGTERM still stops cleanly
        try (SystemScheduler scheduler = new SystemScheduler(clock);
             ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService watchers = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("tidesync-watch-", 0).factory())) {
            var journal = services.journal();
            Engine engine = new Engine(new Engine.Options(services.configStore(), journal,
                    settings -> new SyncService(settings, journal, GitAccess.detect(settings.network(), services.environment().env()), clock,
                            Host.name())::sync,
                    scheduler, work, watchers, RandomGenerator.getDefault(), true, Duration.ofSeconds(30)));
            engine.addListener(log);
            ControlServer server;
            try {
                server = ControlServer.start(home, request -> answer(engine, request));
            } catch (ControlServer.AlreadyRunning e) {
                throw new CliError(ExitCodes.FAILED, e.getMessage());
            }
            try (server) {
                try {
                    engine.start();
                } catch (ConfigException e) {
                    throw CliError.usage(e.getMessage());
                }
                log.onEvent(new EngineEvent.Notice(clock.instant(), "tidesync", Level.INFO,
                        "remotes are reached through " + services.gitAccess().describe()));
                stop.await();
                log.onEvent(new EngineEvent.Notice(clock.instant(), "tidesync", Level.INFO, "stopping"));
                boolean clean = engine.stop(GRACE);
                log.onEvent(new EngineEvent.Notice(clock.instant(), "tidesync", Level.INFO, clean ? "stopped"
                        : "stopped while a sync was still running; it is finished safely on the next start"));
            }
        } finally {
            log.close();
        }
        return ExitCodes.OK;
    }

    static Reply answer(Engine engine, Request request) {
        long pid = ProcessHandle.current().pid();
        return switch (String.valueOf(request.op())) {
            case "ping" -> new Reply(true, false, "running", pid);
            case "reload" -> {
                engine.reload();
                yield new Reply(true, false, "reloaded", pid);
            }
            case "hook" -> {
                try {
                    HookEvent event = HookEvent.fromId(request.event());
                    Duration wait = Duration.ofMillis(request.waitMs() == null ? 0 : request.waitMs());
                    HookReply r = engine.hook(event, Path.of(request.cwd() == null ? "." : request.cwd()), wait);
                    yield new Reply(true, r.synced(), r.message(), pid);
                } catch (IllegalArgumentException e) {
                    yield new Reply(false, false, e.getMessage(), pid);
                }
            }
            default -> new Reply(false, false, "unknown request " + request.op(), pid);
        };
    }

    /** SIGTERM and SIGINT end `run` with exit 0 after a clean stop, not with the JVM's 143/130. */
    static final class Signals {
        private Signals() {}

        static void onStop(Runnable stop) {
            for (String name : new String[] {"TERM", "INT", "HUP"}) {
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    // This platform has no such signal (Windows: no TERM/HUP); the shutdown hook below still stops cleanly.
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "tidesync-stop"));
        }
    }
}
