package dev.tidesync.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/** The `tidesync` command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), System.in, new LocalClock()));
    }

    /**
     * The system clock in the user's time zone, looked up only when a command asks for it: the
     * look-up reads the time-zone database, which the agent hook's quick path never needs.
     */
    private static final class LocalClock extends Clock {
        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.system(zone);
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now();
        }
    }

    /** Runs one command; everything the command touches from outside is passed in, so tests run it in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, InputStream in, Clock clock) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        boolean debug = Arrays.asList(args).contains("--debug");
        if (!verbose && !debug) {
            switch (QuickHook.run(args, env, in, out)) {
                case QuickHook.Outcome.Answered answered -> {
                    return answered.exitCode();
                }
                case QuickHook.Outcome.FullWay fullWay -> in = fullWay.in();
            }
        }
        // --verbose is for the user (each step, its time, what it took, the remote's answer: printed by the commands);
        // the libraries' own logging (JGit, dbus-java…) speaks only with --debug.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jgit", debug ? "debug" : "off");
        System.setProperty("org.slf4j.simpleLogger.log.dev.tidesync", debug ? "debug" : verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        TidesyncCommand root = new TidesyncCommand(new CliEnvironment(env, in, clock));
        CommandLine cli = new CommandLine(root);
        PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
        cli.setOut(o);
        cli.setErr(e);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            e.println("tidesync: " + ex.getMessage() + " (see `tidesync help" + commandName(ex.getCommandLine()) + "`)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CliError error) {
                e.println("tidesync: " + error.getMessage());
                return error.exitCode();
            }
            e.println("tidesync: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage())
                    + (root.verbose || root.debug ? "" : " (run again with --verbose for details)"));
            if (root.verbose || root.debug) {
                ex.printStackTrace(e);
            }
            return ExitCodes.FAILED;
        });
        int code = cli.execute(args);
        o.flush();
        e.flush();
        return code;
    }

    private static String commandName(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return "tidesync".equals(name) ? "" : " " + name;
    }
}
