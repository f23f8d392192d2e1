package dev.tidesync.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.git.GitFailure.FailureKind;
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
}
