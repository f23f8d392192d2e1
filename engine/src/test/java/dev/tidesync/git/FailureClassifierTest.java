package dev.tidesync.git;

import dev.tidesync.model.Failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.model.Failure.FailureKind;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void anHttpDenialIsAnAuthenticationFailure() {
        var failure = FailureClassifier.classify("fetch", "origin", new RuntimeException("https://example.com/r.git: 401 Unauthorized"));

        assertThat(failure.kind()).isEqualTo(FailureKind.AUTH);
    }

    @Test
    void digitsInsideAPathAreNotAStatusCode() {
        var failure = FailureClassifier.classify("fetch", "origin",
                new RuntimeException("/tmp/junit-5540133401/remote.git: not found"));

        assertThat(failure.kind()).isNotEqualTo(FailureKind.AUTH);
    }

    static final RemoteUrl SSH = new RemoteUrl(RemoteUrl.Kind.SSH, "gitbox", "git", -1, "ssh://git@gitbox/notes.git");
    static final RemoteUrl HTTP = new RemoteUrl(RemoteUrl.Kind.HTTP, "git.example.com", null, -1, "https://git.example.com/notes.git");

    @Test
    void gitsOwnWordsForRefusedCredentialsBecomeAuthFailuresWithAdviceForTheTransport() {
        var ssh = FailureClassifier.classifyOutput("fetch", "origin", SSH,
                "git@gitbox: Permission denied (publickey).\nfatal: Could not read from remote repository.\n", false);
        var http = FailureClassifier.classifyOutput("fetch", "origin", HTTP,
                "error: cannot run tidesync-no-prompt: No such file or directory\nfatal: could not read Username for 'https://git.example.com': terminal prompts disabled\n", false);

        assertThat(ssh.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(ssh.sentence()).startsWith("Authentication failed for origin").contains("ssh-add");
        assertThat(http.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(http.sentence()).contains("credential helper");
    }

    @Test
    void anUnknownHostKeyIsRefusedAndAChangedOneIsCalledOut() {
        var unknown = FailureClassifier.classifyOutput("fetch", "origin", SSH,
                "No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\nHost key verification failed.\n", false);
        var changed = FailureClassifier.classifyOutput("fetch", "origin", SSH,
                "@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\n", false);

        assertThat(unknown.sentence()).contains("not in ~/.ssh/known_hosts").contains("ssh -T git@gitbox");
        assertThat(changed.sentence()).contains("has changed").contains("ssh-keygen -R gitbox");
        assertThat(changed.kind()).isEqualTo(FailureKind.AUTH);
    }

    @Test
    void unreachableMissingAndStalledRemotesAreToldApart() {
        assertThat(FailureClassifier.classifyOutput("fetch", "origin", HTTP,
                "fatal: unable to access 'https://git.example.com/notes.git/': Could not resolve host: git.example.com\n", false).kind())
                .isEqualTo(FailureKind.OFFLINE);
        assertThat(FailureClassifier.classifyOutput("fetch", "origin", SSH,
                "ssh: connect to host gitbox port 22: Connection refused\nfatal: Could not read from remote repository.\n", false).kind())
                .isEqualTo(FailureKind.OFFLINE);
        assertThat(FailureClassifier.classifyOutput("fetch", "origin", HTTP,
                "remote: Repository not found.\nfatal: repository 'https://git.example.com/gone.git/' not found\n", false).kind())
                .isEqualTo(FailureKind.NOT_FOUND);
        assertThat(FailureClassifier.classifyOutput("push", "origin", HTTP, "Writing objects:  12% (3/25)\r", true).kind())
                .isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void aTokenInAUrlNeverReachesTheSentence() {
        var failure = FailureClassifier.classifyOutput("fetch", "origin", HTTP,
                "fatal: unable to access 'https://ghp_abc123@git.example.com/notes.git/': Failed to connect to git.example.com port 443\n", false);

        assertThat(failure.sentence()).doesNotContain("ghp_abc123").contains("https://***@git.example.com");
    }
}
