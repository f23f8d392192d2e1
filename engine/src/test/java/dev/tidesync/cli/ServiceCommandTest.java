package dev.tidesync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.fixture.InProcessCli;
import dev.tidesync.fixture.InProcessCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** `tidesync service`: the headless engine as a systemd user unit that points at the real launcher. */
@EnabledOnOs(OS.LINUX)
class ServiceCommandTest {

    @TempDir
    Path tmp;

    Path home;
    Path bin;
    Path launcher;
    Path unit;
    Map<String, String> user;

    @BeforeEach
    void aUserWithTidesyncOnPath() throws Exception {
        home = tmp.resolve("tidesync-home");
        bin = Files.createDirectories(tmp.resolve("bin"));
        launcher = executable(tmp.resolve("opt/tidesync/bin/tidesync"), "exit 0");
        Files.createSymbolicLink(bin.resolve("tidesync"), launcher);
        unit = tmp.resolve("user/.config/systemd/user/tidesync.service");
        user = Map.of("HOME", tmp.resolve("user").toString(), "PATH", bin.toString());
    }

    Run tidesync(String... args) {
        return new InProcessCli(home).runWith(user, args);
    }

    @Test
    void withoutASystemdUserManagerTheUnitIsWrittenAndTheCommandsToStartItAreGiven() throws Exception {
        Run install = tidesync("service", "install");
        JsonNode status = tidesync("service", "status", "--json").json();
        String text = Files.readString(unit);
        Run remove = tidesync("service", "remove");

        assertThat(install.code()).as(install.err()).isZero();
        assertThat(install.out()).contains("Wrote " + unit).contains("systemctl is not installed here")
                .contains("Still to run: systemctl --user daemon-reload && systemctl --user enable --now tidesync");
        assertThat(text).as("the launcher itself, links resolved, and the same home")
                .contains("ExecStart=" + launcher.toRealPath() + " --home " + home.toAbsolutePath() + " run")
                .contains("Restart=on-failure").contains("Environment=GIT_TERMINAL_PROMPT=0").contains("WantedBy=default.target");
        assertThat(status.get("installed").asBoolean()).isTrue();
        assertThat(status.get("where").asText()).isEqualTo(unit.toString());
        assertThat(status.get("command").asText()).startsWith(launcher.toRealPath().toString());
        assertThat(status.get("running").isNull()).as("nobody to ask").isTrue();
        assertThat(remove.code()).isZero();
        assertThat(unit).doesNotExist();
    }

    @Test
    void withSystemctlTheUnitIsEnabledStartedAskedAndStoppedThroughIt() throws Exception {
        Path calls = tmp.resolve("systemctl-calls");
        executable(bin.resolve("systemctl"), "echo \"$*\" >> " + calls + "\ncase \"$*\" in *is-active*) echo active ;; esac");

        Run install = tidesync("service", "install");
        Run status = tidesync("service", "status");
        Run remove = tidesync("service", "remove");

        assertThat(install.out()).contains("Installed and started " + unit);
        assertThat(status.out()).contains("Installed: " + unit + " runs " + launcher.toRealPath()).contains("running now");
        assertThat(remove.out()).contains("Stopped and removed " + unit);
        assertThat(Files.readAllLines(calls)).containsExactly("--user daemon-reload", "--user enable --now tidesync.service",
                "--user is-active tidesync.service", "--user disable --now tidesync.service", "--user daemon-reload");
    }

    @Test
    void aLauncherThatCannotBeFoundIsAUsageErrorInOneSentence() {
        Run run = new InProcessCli(home).runWith(Map.of("HOME", tmp.resolve("user").toString(), "PATH", tmp.resolve("empty").toString()),
                "service", "install");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("name it with --command PATH");
        assertThat(unit).doesNotExist();
    }

    @Test
    void aRealSystemdUserManagerRunsTheEngine() throws Exception {
        Process probe = new ProcessBuilder("systemctl", "--user", "show-environment").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0, "no systemd user manager in this session");
        // Here the real user manager and the real unit directory, with a launcher that is this build's CLI.
        Path jar = Path.of("target/tidesync.jar").toAbsolutePath();
        assumeTrue(Files.exists(jar), "the CLI jar is built by the package phase");
        Path script = executable(tmp.resolve("tidesync-real"), "exec " + ProcessHandle.current().info().command().orElse("java")
                + " -jar " + jar + " \"$@\"");
        Map<String, String> real = Map.of("HOME", System.getProperty("user.home"), "PATH", System.getenv("PATH"));
        try {
            Run install = new InProcessCli(home).runWith(real, "service", "install", "--command", script.toString());
            assertThat(install.out()).contains("Installed and started");
            for (int i = 0; i < 50 && !new InProcessCli(home).runWith(real, "service", "status").out().contains("running now"); i++) {
                Thread.sleep(200);
            }
            assertThat(new InProcessCli(home).runWith(real, "service", "status").out()).contains("running now");
        } finally {
            new InProcessCli(home).runWith(real, "service", "remove");
        }
    }

    private static Path executable(Path file, String body) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
