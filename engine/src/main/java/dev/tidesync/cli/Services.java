package dev.tidesync.cli;

import dev.tidesync.engine.RecordedSync;
import dev.tidesync.config.ConfigException;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.Paths;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.NotARepositoryException;
import dev.tidesync.journal.Journal;
import dev.tidesync.io.MachineName;
import dev.tidesync.sync.SyncService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What commands share, built once per invocation and only as far as a command needs it. */
final class Services {

    private final TidesyncHome home;
    private final CliEnvironment environment;
    private final ConfigStore configStore;
    private Settings settings;
    private GitAccess gitAccess;

    Services(Optional<Path> homeOverride, CliEnvironment environment) {
        this.environment = environment;
        this.home = TidesyncHome.resolve(homeOverride, environment.env(), dev.tidesync.io.OperatingSystem.current(),
                System.getProperty("user.home"));
        this.configStore = new ConfigStore(home.configFile());
    }

    TidesyncHome home() {
        return home;
    }

    CliEnvironment environment() {
        return environment;
    }

    ConfigStore configStore() {
        return configStore;
    }

    /** The settings; an invalid file ends the command with exit 2 and the file's line and column. */
    Settings settings() {
        if (settings == null) {
            try {
                settings = configStore.load().settings();
            } catch (ConfigException e) {
                throw CliError.usage(e.getMessage());
            }
        }
        return settings;
    }

    void settingsChanged(Settings next) {
        settings = next;
        engineReload();
    }

    Journal journal() {
        return new Journal(home, settings().history(), environment.clock());
    }

    RecordedSync syncService() {
        return new RecordedSync(settings(), journal(), gitAccess(), environment.clock(), MachineName.name());
    }

    /** The installed git (or JGit) as the settings choose, seeing this command's environment. */
    GitAccess gitAccess() {
        if (gitAccess == null) {
            gitAccess = GitAccess.detect(settings().network(), environment.env());
        }
        return gitAccess;
    }

    /** Tells a running engine to re-read config and state (a person changed something); no engine, nothing to do. */
    void engineReload() {
        dev.tidesync.control.ControlClient.send(home, dev.tidesync.control.ControlMessage.Request.reload(), java.time.Duration.ofSeconds(3));
    }

    /** The watched repository whose work tree contains {@code path}. */
    RepositorySettings watched(Path path) {
        Path workTree = workTreeOf(path);
        return settings().repository(workTree).orElseThrow(() -> CliError.usage(workTree
                + " is not watched by Tidesync; add it with `tidesync add " + workTree + "`"));
    }

    /** The watched repositories named by {@code paths}, or all of them when none is named. */
    List<RepositorySettings> selected(List<Path> paths) {
        if (paths == null || paths.isEmpty()) {
            return settings().repositories();
        }
        return paths.stream().map(this::watched).distinct().toList();
    }

    /** The root of the work tree containing {@code path}, canonical. */
    static Path workTreeOf(Path path) {
        try (GitRepo repo = GitRepo.open(path)) {
            return Paths.canonical(repo.workTree());
        } catch (NotARepositoryException e) {
            throw CliError.usage(e.getMessage());
        }
    }
}
