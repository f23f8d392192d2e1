package dev.tidesync.cli;

import dev.tidesync.doctor.Doctor;
import dev.tidesync.doctor.Finding;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor", description = "Check git identity, remotes, locks and repository health, and say what to fix.")
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    TidesyncCommand root;

    @picocli.CommandLine.Option(names = "--deep", description = "Also read every object of every repository (git fsck), which takes a while")
    boolean deep;

    @Override
    public Integer call() throws IOException {
        Services services = root.services();
        List<Finding> findings = new Doctor(services.home(), services.configStore(), services.settings(), services.journal(),
                services.gitAccess(), services.environment().clock()).examine(deep);
        Printer printer = new Printer(root);
        for (Finding f : findings) {
            String tag = f.level() == Finding.Level.FAIL ? "FAIL" : f.level().name().toLowerCase(Locale.ROOT);
            printer.line(String.format("%-5s %s", tag, f.what()) + f.fix().map(fix -> "\n      fix: " + fix).orElse(""));
        }
        long problems = findings.stream().filter(Finding::problem).count();
        printer.line(problems == 0 ? "No problems found." : problems + (problems == 1 ? " problem" : " problems") + " found.");
        return problems == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
