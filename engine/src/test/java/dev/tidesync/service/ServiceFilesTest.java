package dev.tidesync.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each system's service manager is given: the launcher by its full path, words kept whole. */
class ServiceFilesTest {

    static final List<String> COMMAND = List.of("/Applications/Tidesync.app/Contents/MacOS/tidesync-cli", "--home",
            "/Users/ana/Tide & Sync", "run");

    @Test
    void theLaunchdAgentStartsTheLauncherWithItsArgumentsAndRestartsItAfterAFailure() {
        String plist = LaunchdService.plist(COMMAND, Path.of("/Users/ana/Library/Logs/Tidesync/engine.log"));

        assertThat(plist).contains("<string>dev.tidesync.engine</string>")
                .contains("<string>/Applications/Tidesync.app/Contents/MacOS/tidesync-cli</string>")
                .contains("<string>/Users/ana/Tide &amp; Sync</string>").contains("<string>run</string>")
                .contains("<key>SuccessfulExit</key>").contains("<key>GIT_TERMINAL_PROMPT</key>")
                .contains("<string>/Users/ana/Library/Logs/Tidesync/engine.log</string>").endsWith("</plist>\n");
    }

    @Test
    void theSystemdUnitQuotesWordsWithSpacesAndEscapesSpecifiers() {
        String unit = SystemdUserService.unit(List.of("/opt/tide sync/bin/tidesync", "--home", "/home/ana/100%", "run"));

        assertThat(unit).contains("ExecStart=\"/opt/tide sync/bin/tidesync\" --home \"/home/ana/100%%\" run");
    }

    @Test
    void theScheduledTaskQuotesWordsWithSpacesAsWindowsReadsThem() {
        assertThat(ScheduledTask.commandLine(List.of("C:\\Users\\Ana Lee\\AppData\\Local\\Tidesync\\tidesync-cli.exe", "run")))
                .isEqualTo("\"C:\\Users\\Ana Lee\\AppData\\Local\\Tidesync\\tidesync-cli.exe\" run");
    }
}
