package dev.tidesync.cli;

import dev.tidesync.io.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which tidesync another program should start: one named with --command, else the tidesync on
 * PATH, else this installed launcher ({@code jpackage.app-path}); a plain {@code java -jar} run
 * has no launcher to give.
 */
final class SelfLauncher {

    private SelfLauncher() {}

    /** For a hook line run by a shell: "tidesync" when the PATH finds it (it survives upgrades), else the full path. */
    static String byName(Map<String, String> env, String given) {
        if (given != null) {
            return given;
        }
        if (Executables.onPath(env.get("PATH"), "tidesync").isPresent()) {
            return "tidesync";
        }
        return installed().map(Path::toString).orElseThrow(() -> missing("the agent"));
    }

    /** For a service manager, which has no PATH of the user's: the full path, links resolved. */
    static Path absolute(Map<String, String> env, Path given) {
        if (given != null) {
            Path p = given.toAbsolutePath().normalize();
            if (!Files.isExecutable(p)) {
                throw CliError.usage(p + " is not an executable program; name the tidesync launcher with --command PATH");
            }
            return p;
        }
        Optional<Path> found = installed().or(() -> Executables.onPath(env.get("PATH"), "tidesync"));
        return found.map(SelfLauncher::real).orElseThrow(() -> missing("the service"));
    }

    private static Optional<Path> installed() {
        String launcher = System.getProperty("jpackage.app-path");
        return launcher != null && Files.isExecutable(Path.of(launcher)) ? Optional.of(Path.of(launcher)) : Optional.empty();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p.toAbsolutePath();
        }
    }

    private static CliError missing(String who) {
        return CliError.usage("tidesync is not on your PATH and this is not an installed launcher, so " + who
                + " could not run it; name it with --command PATH");
    }
}
