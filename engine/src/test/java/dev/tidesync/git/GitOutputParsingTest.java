package dev.tidesync.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.git.Transport.PushResult;
import org.junit.jupiter.api.Test;

/** What Tidesync reads from git's machine-readable output. */
class GitOutputParsingTest {

    @Test
    void configListingKeepsTheLastValueAndGitsCaseRules() {
        EffectiveConfig config = EffectiveConfig.parse(
                "user.email\nme@home.example\0user.email\nme@work.example\0commit.gpgsign\0includeif.gitdir:~/Work/.path\n~/.w\0");

        assertThat(config.get("user.email")).contains("me@work.example");
        assertThat(config.get("User.Email")).contains("me@work.example");
        assertThat(config.getBoolean("commit.gpgSign", false)).as("a bare key is true").isTrue();
        assertThat(config.get("includeIf.gitdir:~/Work/.path")).contains("~/.w");
        assertThat(config.get("includeIf.gitdir:~/work/.path")).as("subsections keep their case").isEmpty();
    }

    @Test
    void aValueMayHoldNewlinesAndEqualsSigns() {
        EffectiveConfig config = EffectiveConfig.parse("alias.x\n!f() {\n echo a=b; }; f\0");

        assertThat(config.get("alias.x")).contains("!f() {\n echo a=b; }; f");
    }

    @Test
    void pushPorcelainTellsAcceptedUpToDateBehindAndRefused() {
        String ref = "refs/heads/main";
        assertThat(PushReport.read("To h:r\n \trefs/heads/main:refs/heads/main\t1a..2b\nDone\n", ref)).contains(new PushResult.Pushed(true));
        assertThat(PushReport.read("To h:r\n*\trefs/heads/main:refs/heads/main\t[new branch]\nDone\n", ref)).contains(new PushResult.Pushed(true));
        assertThat(PushReport.read("To h:r\n=\trefs/heads/main:refs/heads/main\t[up to date]\nDone\n", ref)).contains(new PushResult.Pushed(false));
        assertThat(PushReport.read("To h:r\n!\trefs/heads/main:refs/heads/main\t[rejected] (fetch first)\nDone\n", ref))
                .contains(new PushResult.NotFastForward());
        assertThat(PushReport.read("To h:r\n!\trefs/heads/main:refs/heads/main\t[remote rejected] (protected branch hook declined)\nDone\n", ref))
                .contains(new PushResult.Rejected("protected branch hook declined", false));
        assertThat(PushReport.read("error: failed to push some refs\n", ref)).isEmpty();
    }

    @Test
    void theUsersOwnSshCommandKeepsItsOptionsAndOthersAreLeftAlone() {
        assertThat(GitCliTransport.isOpenSsh("ssh -i ~/.ssh/work_key")).isTrue();
        assertThat(GitCliTransport.isOpenSsh("\"C:\\\\Windows\\\\System32\\\\OpenSSH\\\\ssh.exe\"")).isTrue();
        assertThat(GitCliTransport.isOpenSsh("/usr/bin/ssh")).isTrue();
        assertThat(GitCliTransport.isOpenSsh("plink -batch")).isFalse();
    }
}
