package dev.tidesync.cli;

import dev.tidesync.config.ConfigException;
import dev.tidesync.config.SettingsReader;
import dev.tidesync.io.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "config", description = "Show, locate, check or change the configuration.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.PathOf.class, ConfigCommand.Validate.class, ConfigCommand.Set.class})
final class ConfigCommand implements Runnable {

    @ParentCommand
    TidesyncCommand root;

    @Override
    public void run() {
        throw CliError.usage("say show, path, validate or set KEY VALUE");
    }

    @Command(name = "show", description = "The effective configuration: your file with every default filled in.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ConfigCommand config;

        @Override
        public Integer call() {
            Services s = config.root.services();
            try {
                var loaded = s.configStore().load();
                new Printer(config.root).line(Json.pretty(SettingsReader.effectiveTree(loaded.document())));
            } catch (ConfigException e) {
                throw CliError.usage(e.getMessage());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "path", description = "Where config.json is.")
    static final class PathOf implements Callable<Integer> {
        @ParentCommand
        ConfigCommand config;

        @Override
        public Integer call() {
            new Printer(config.root).line(config.root.services().home().configFile().toString());
            return ExitCodes.OK;
        }
    }

    @Command(name = "validate", description = "Check config.json; exit 2 with file, line and column if it is wrong.")
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        ConfigCommand config;

        @Override
        public Integer call() {
            Services s = config.root.services();
            try {
                var loaded = s.configStore().load();
                new Printer(config.root).line(s.configStore().file() + " is valid (" + loaded.settings().repositories().size()
                        + " repositories)");
            } catch (ConfigException e) {
                throw CliError.usage(e.getMessage());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", description = "Set one value, e.g. `config set triggers.userPrompt.probability 27`; the value null restores the default.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        ConfigCommand config;

        @Parameters(index = "0", paramLabel = "KEY", description = "A dotted path; repositories are addressed by index or name")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE", description = "JSON (27, true, [\"a\"]) or plain text")
        String value;

        @Override
        public Integer call() {
            try {
                config.root.services().configStore().set(key, value);
                config.root.services().engineReload();
            } catch (ConfigException e) {
                throw CliError.usage(e.getMessage());
            } catch (RuntimeException e) {
                throw CliError.usage(config.root.services().configStore().file() + ": " + e.getMessage());
            }
            new Printer(config.root).line(key + " = " + value);
            return ExitCodes.OK;
        }
    }
}
