package dev.tidesync.git;

import dev.tidesync.io.Redaction;
import dev.tidesync.model.Failure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aPasswordIsHiddenAndTheUserNameKept() {
        assertThat(Redaction.redact("pushing to https://hana:s3cr=t+pa55@git.example.com/notes.git failed"))
                .isEqualTo("pushing to https://hana:***@git.example.com/notes.git failed");
    }

    @Test
    void aLoneTokenIsHiddenWhole() {
        assertThat(Redaction.redact("http://ghp_0123456789@127.0.0.1:8080/r.git")).isEqualTo("http://***@127.0.0.1:8080/r.git");
    }

    @Test
    void sshUsersAndPlainTextAreLeftAlone() {
        String text = "git@github.com:me/notes.git and ssh://git@gitbox/notes.git, mail me@example.com";

        assertThat(Redaction.redact(text)).isEqualTo(text);
    }

    @Test
    void everyFailureSentenceIsRedacted() {
        assertThat(Failure.of(Failure.FailureKind.OTHER, "https://u:pw@h/r failed").sentence()).isEqualTo("https://u:***@h/r failed");
    }
}
