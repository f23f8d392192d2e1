package dev.tidesync.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What `ssh -G` says decides whether Tidesync may share one connection per host. */
class SshSharingTest {

    @Test
    void aConfigThatSetsNeitherControlMasterNorControlPathLeavesSharingToTidesync() {
        assertThat(SshSharing.usersConfigLeavesItToUs("user git\nhostname 127.0.0.1\ncontrolmaster false\ncontrolpersist no\n")).isTrue();
    }

    @Test
    void aControlMasterOfTheUsersOwnIsLeftAlone() {
        assertThat(SshSharing.usersConfigLeavesItToUs("controlmaster auto\ncontrolpath /home/u/.ssh/cm-%C\ncontrolpersist 600\n")).isFalse();
    }

    @Test
    void aControlPathWithoutAMasterMeansTheUserRunsOneByHandAndIsLeftAlone() {
        assertThat(SshSharing.usersConfigLeavesItToUs("controlmaster false\ncontrolpath /home/u/.ssh/cm-4c14\n")).isFalse();
    }

    @Test
    void outputThatSaysNothingAboutControlMasterSharesNothing() {
        assertThat(SshSharing.usersConfigLeavesItToUs("")).isFalse();
    }
}
