package dev.tidesync.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeout watches progress, not the clock. A stand-in "git" script on PATH plays a slow
 * transfer that keeps printing and a server that went silent.
 */
class GitCliTest {

    @TempDir
    Path tmp;
    GitCli git;

    @BeforeEach
    void aGitThatActsAsToldByItsFirstArgument() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path script = bin.resolve("git");
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "case \"$1\" in",
                "  --version) echo 'git version 2.45.1' ;;",
                // 3 s of work that reports progress every 200 ms, as git --progress does
                "  transfer) i=0; while [ $i -lt 15 ]; do printf 'Receiving objects: %d%%\\r' $((i*7)) >&2; sleep 0.2; i=$((i+1)); done; echo done ;;",
                // a server that stopped answering: nothing, for a long time (with a child, like ssh)
                "  silent) sleep 30 & wait ;;",
                "  env) echo \"$GIT_TERMINAL_PROMPT $GIT_ASKPASS $SSH_ASKPASS_REQUIRE $GCM_INTERACTIVE ${SSH_ASKPASS:-none}\" ;;",
                "esac") + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        git = GitCli.find(Map.of("PATH", bin + ":/usr/bin:/bin", "SSH_ASKPASS", "/usr/bin/ksshaskpass")).orElseThrow();
    }

    @Test
    void anActiveTransferOutlivesTheTimeout() throws Exception {
        GitCli.Result result = git.run(tmp, Duration.ofSeconds(1), Map.of(), "transfer");

        assertThat(result.stalled()).isFalse();
        assertThat(result.ok()).isTrue();
        assertThat(result.stdout()).contains("done");
    }

    @Test
    void aSilentRunIsEndedWithItsChildren() throws Exception {
        long started = System.nanoTime();

        GitCli.Result result = git.run(tmp, Duration.ofSeconds(1), Map.of(), "silent");

        assertThat(result.stalled()).isTrue();
        assertThat(result.ok()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("ended long before the 30 s sleep").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void gitNeverAsksAnybody() throws Exception {
        GitCli.Result result = git.run(tmp, Duration.ofSeconds(5), Map.of(), "env");

        assertThat(result.stdout().strip()).isEqualTo("0 tidesync-no-prompt never never none");
    }

    @Test
    void tooOldAGitIsNotUsed() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("old"));
        Path script = old.resolve("git");
        Files.writeString(script, "#!/bin/sh\necho 'git version 1.8.3.1'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        assertThat(GitCli.find(Map.of("PATH", old.toString()))).isEmpty();
        assertThat(git.version()).isEqualTo("2.45.1");
    }
}
