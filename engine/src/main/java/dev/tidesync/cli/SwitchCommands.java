package dev.tidesync.cli;

import dev.tidesync.config.ConfigException;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.journal.Pause;
import dev.tidesync.journal.Pauses;
import dev.tidesync.model.Trigger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The switches: enable/disable (config) and pause/resume (state). */
final class SwitchCommands {

    private SwitchCommands() {}

    abstract static class Toggle implements Callable<Integer> {
        @ParentCommand
        TidesyncCommand root;

        @Parameters(paramLabel = "TRIGGER", arity = "0..1",
                description = "sessionStart, sessionEnd, userPrompt, checkpoint, fileChange, localCommit, poll or manual (default: the global switch)")
        String trigger;

        abstract boolean on();

        @Override
        public Integer call() {
            String key = "enabled";
            String what = "Tidesync";
            if (trigger != null) {
                try {
                    key = "triggers." + Trigger.fromId(trigger).id() + ".enabled";
                } catch (IllegalArgumentException e) {
                    throw CliError.usage(e.getMessage());
                }
                what = "The " + trigger + " trigger";
            }
            try {
                root.services().configStore().set(key, Boolean.toString(on()));
                root.services().engineReload();
            } catch (ConfigException e) {
                throw CliError.usage(e.getMessage());
            }
            new Printer(root).line(what + " is " + (on() ? "enabled" : "disabled"));
            return ExitCodes.OK;
        }
    }

    @Command(name = "enable", description = "Turn Tidesync, or one trigger, on.")
    static final class Enable extends Toggle {
        @Override
        boolean on() {
            return true;
        }
    }

    @Command(name = "disable", description = "Turn Tidesync, or one trigger, off.")
    static final class Disable extends Toggle {
        @Override
        boolean on() {
            return false;
        }
    }

    @Command(name = "pause", description = "Freeze automatic syncing of one repository or all, for a while or until resumed.")
    static final class Pause_ implements Callable<Integer> {
        @ParentCommand
        TidesyncCommand root;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "One repository (default: all)")
        Path path;

        @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "How long, e.g. 30m, 1h, 2h30m, 1d (default: until resumed)")
        Duration duration;

        @Override
        public Integer call() throws IOException {
            Services services = root.services();
            Instant now = services.environment().clock().instant();
            Optional<RepositorySettings> repo = Optional.ofNullable(path).map(services::watched);
            Pause pause = Pauses.pause(services.journal(), repo.map(RepositorySettings::workTree), now, Optional.ofNullable(duration));
            String until = duration == null ? " until resumed" : " until " + dev.tidesync.io.Moments.at(pause.until(), services.environment().clock().getZone(), now);
            new Printer(root).line(repo.map(r -> r.name() + " is paused").orElse("Automatic syncing is paused") + until);
            return ExitCodes.OK;
        }
    }

    @Command(name = "resume", description = "Undo a pause.")
    static final class Resume implements Callable<Integer> {
        @ParentCommand
        TidesyncCommand root;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "One repository (default: all, and the global pause)")
        Path path;

        @Override
        public Integer call() throws IOException {
            Services services = root.services();
            Optional<RepositorySettings> repo = Optional.ofNullable(path).map(services::watched);
            Pauses.resume(services.journal(), repo.map(RepositorySettings::workTree));
            services.engineReload();
            new Printer(root).line(repo.map(r -> r.name() + " resumed").orElse("Syncing resumed"));
            return ExitCodes.OK;
        }
    }
}
