package dev.tidesync.service;

import dev.tidesync.io.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Windows: a Task Scheduler task "Tidesync engine" that runs at the user's logon, with limited
 * rights, created and removed with {@code schtasks}. The task lives in the scheduler, not in a
 * file of ours.
 */
public final class ScheduledTask implements EngineService {

    static final String NAME = "Tidesync engine";

    private final ServiceManager schtasks;

    public ScheduledTask(ServiceManager schtasks) {
        this.schtasks = schtasks;
    }

    @Override
    public Outcome install(List<String> command) throws IOException {
        String run = commandLine(command);
        if (run.length() > 261) { // schtasks /TR's limit
            throw new IOException("the command is longer than Task Scheduler takes (" + run.length() + " of 261 characters); install Tidesync in a shorter path");
        }
        Optional<Processes.Result> r = schtasks.run(List.of("schtasks", "/Create", "/F", "/TN", NAME, "/SC", "ONLOGON", "/RL", "LIMITED", "/TR", run));
        if (r.isEmpty()) {
            throw new IOException("schtasks is not available here");
        }
        if (!r.get().succeeded()) {
            throw new IOException("schtasks said: " + r.get().lastLine().orElse("exit " + r.get().exitCode()));
        }
        schtasks.run(List.of("schtasks", "/Run", "/TN", NAME));
        return new Outcome("Installed and started the task \"" + NAME + "\" (runs at logon)", Optional.empty());
    }

    @Override
    public Outcome remove() throws IOException {
        if (!status().installed()) {
            return new Outcome("No Tidesync task is installed", Optional.empty());
        }
        schtasks.run(List.of("schtasks", "/End", "/TN", NAME));
        Optional<Processes.Result> r = schtasks.run(List.of("schtasks", "/Delete", "/F", "/TN", NAME));
        if (r.isEmpty() || !r.get().succeeded()) {
            throw new IOException("schtasks /Delete said: " + r.flatMap(Processes.Result::lastLine).orElse("nothing"));
        }
        return new Outcome("Stopped and removed the task \"" + NAME + "\"", Optional.empty());
    }

    @Override
    public Status status() throws IOException {
        Optional<Processes.Result> r = schtasks.run(List.of("schtasks", "/Query", "/TN", NAME, "/V", "/FO", "LIST"));
        if (r.isEmpty() || !r.get().succeeded()) {
            return new Status(false, Optional.empty(), Optional.empty(), Path.of(NAME));
        }
        Optional<String> command = field(r.get().output(), "Task To Run");
        Optional<Boolean> running = field(r.get().output(), "Status").map(s -> s.equalsIgnoreCase("Running"));
        return new Status(true, command, running, Path.of(NAME));
    }

    @Override
    public String describe() {
        return "the Task Scheduler task \"" + NAME + "\"";
    }

    /** One command line for /TR: each word quoted when it holds a space, as CreateProcess reads it. */
    static String commandLine(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            line.append(line.isEmpty() ? "" : " ").append(word.contains(" ") ? "\"" + word + "\"" : word);
        }
        return line.toString();
    }

    private static Optional<String> field(String listing, String name) {
        return listing.lines().map(String::strip).filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> l.substring(name.length() + 1).strip());
    }
}
