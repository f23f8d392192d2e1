package dev.tidesync.autostart;

import dev.tidesync.io.OperatingSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class AutoStartTest {

    @TempDir
    Path tmp;

    @Nested
    class OnLinux {

        @Test
        void writesADesktopEntryThatQuotesTheCommandAndRemovesIt() throws Exception {
            AutoStart autostart = XdgAutoStart.forUser(Map.of("XDG_CONFIG_HOME", tmp.toString()), "/home/u",
                    List.of("/usr/lib/jvm/bin/java", "-cp", "/opt/my app/lib/*", "dev.tidesync.app.Launcher"));
            Path file = tmp.resolve("autostart/tidesync.desktop");

            assertThat(autostart.enabled()).isFalse();
            autostart.enable();

            assertThat(autostart.enabled()).isTrue();
            assertThat(Files.readString(file)).startsWith("[Desktop Entry]\nType=Application\nName=Tidesync\n")
                    .contains("Exec=/usr/lib/jvm/bin/java -cp \"/opt/my app/lib/*\" dev.tidesync.app.Launcher\n")
                    .contains("TryExec=/usr/lib/jvm/bin/java\n")
                    .contains("Terminal=false");
            autostart.disable();
            assertThat(file).doesNotExist();
            assertThat(autostart.enabled()).isFalse();
        }

        @Test
        void anInstalledLauncherIsSkippedByTheDesktopOnceUninstalled() {
            assertThat(XdgAutoStart.entry(List.of("/opt/tidesync/bin/Tidesync")))
                    .contains("Exec=/opt/tidesync/bin/Tidesync\n").contains("TryExec=/opt/tidesync/bin/Tidesync\n");
        }

        @Test
        void specialCharactersAreEscapedAsTheDesktopEntrySpecAsks() {
            assertThat(XdgAutoStart.quote("/home/a b/$x\"%")).isEqualTo("\"/home/a b/\\$x\\\"%%\"");
        }

        @Test
        void withoutXdgConfigHomeTheEntryGoesToDotConfig() {
            assertThat(XdgAutoStart.forUser(Map.of(), "/home/u", List.of("x")).describe()).isEqualTo("/home/u/.config/autostart/tidesync.desktop");
        }
    }

    @Nested
    class OnMacOs {

        @Test
        void writesALaunchAgentThatRunsTheAppAtLoginInTheGraphicalSession() throws Exception {
            AutoStart agent = LaunchAgent.forUser(tmp.toString(), List.of("/Applications/Tidesync.app/Contents/MacOS/Tidesync", "--from <login> & more"));
            Path file = tmp.resolve("Library/LaunchAgents/dev.tidesync.Tidesync.plist");

            agent.enable();

            assertThat(agent.enabled()).isTrue();
            assertThat(agent.describe()).isEqualTo(file.toString());
            Document plist = parse(file);
            assertThat(valueAfterKey(plist, "Label")).isEqualTo("dev.tidesync.Tidesync");
            assertThat(valueAfterKey(plist, "LimitLoadToSessionType")).isEqualTo("Aqua");
            assertThat(plist.getElementsByTagName("true").getLength()).as("RunAtLoad").isEqualTo(1);
            NodeList arguments = plist.getElementsByTagName("array").item(0).getChildNodes();
            List<String> program = new ArrayList<>();
            for (int i = 0; i < arguments.getLength(); i++) {
                if (arguments.item(i).getNodeName().equals("string")) {
                    program.add(arguments.item(i).getTextContent());
                }
            }
            assertThat(program).containsExactly("/Applications/Tidesync.app/Contents/MacOS/Tidesync", "--from <login> & more");

            agent.disable();
            assertThat(file).doesNotExist();
            assertThat(agent.enabled()).isFalse();
        }

        private Document parse(Path file) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(file.toFile());
        }

        private String valueAfterKey(Document plist, String key) {
            NodeList keys = plist.getElementsByTagName("key");
            for (int i = 0; i < keys.getLength(); i++) {
                if (keys.item(i).getTextContent().equals(key)) {
                    org.w3c.dom.Node next = keys.item(i).getNextSibling();
                    while (next.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
                        next = next.getNextSibling();
                    }
                    return next.getTextContent();
                }
            }
            throw new AssertionError("no key " + key);
        }
    }

    @Nested
    class OnWindows {

        /** Stands in for reg.exe: records each command line and the .reg file it was given. */
        final List<List<String>> commands = new ArrayList<>();
        final List<String> imported = new ArrayList<>();
        boolean valuePresent;

        final WindowsRunKey.Registry registry = command -> {
            commands.add(command);
            if (command.get(1).equals("import")) {
                byte[] bytes = Files.readAllBytes(Path.of(command.get(2)));
                assertThat(Arrays.copyOf(bytes, 2)).as("UTF-16LE byte-order mark").containsExactly(0xFF, 0xFE);
                String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
                imported.add(text);
                valuePresent = !text.contains("\"Tidesync\"=-");
                return 0;
            }
            return valuePresent ? 0 : 1; // reg query: 1 when the value is absent
        };

        @Test
        void enablingImportsTheRunValueWithTheLauncherQuotedAndLeavesNoScratchFile() throws Exception {
            AutoStart run = new WindowsRunKey(registry, tmp, List.of("C:\\Users\\Ann Lee\\AppData\\Local\\Tidesync\\Tidesync.exe"));

            assertThat(run.enabled()).isFalse();
            run.enable();

            assertThat(run.enabled()).isTrue();
            assertThat(commands.get(0)).containsExactly("reg", "query", "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "/v", "Tidesync");
            assertThat(commands.get(1)).hasSize(3).startsWith("reg", "import");
            assertThat(imported.get(0)).isEqualTo("Windows Registry Editor Version 5.00\r\n\r\n"
                    + "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"
                    + "\"Tidesync\"=\"\\\"C:\\\\Users\\\\Ann Lee\\\\AppData\\\\Local\\\\Tidesync\\\\Tidesync.exe\\\"\"\r\n");
            try (var left = Files.list(tmp)) {
                assertThat(left).as("the .reg file is removed").isEmpty();
            }
        }

        @Test
        void disablingDeletesTheValueAndIsANoOpWhenItIsAbsent() throws Exception {
            AutoStart run = new WindowsRunKey(registry, tmp, List.of("C:\\T\\Tidesync.exe"));
            run.disable();
            assertThat(imported).as("nothing to delete").isEmpty();

            run.enable();
            run.disable();

            assertThat(imported.get(1)).endsWith("\"Tidesync\"=-\r\n");
            assertThat(run.enabled()).isFalse();
        }

        @Test
        void aFailingRegImportIsReported() {
            AutoStart run = new WindowsRunKey(command -> 1, tmp, List.of("C:\\T\\Tidesync.exe"));
            assertThatThrownBy(run::enable).isInstanceOf(IOException.class).hasMessageContaining("reg import exited with 1");
        }

        @Test
        void theRunValueQuotesArgumentsTheWayWindowsSplitsThem() {
            assertThat(WindowsRunKey.commandLine(List.of("C:\\T\\Tidesync.exe", "--hidden"))).isEqualTo("C:\\T\\Tidesync.exe --hidden");
            assertThat(WindowsRunKey.commandLine(List.of("C:\\Program Files\\T\\t.exe", "say \"hi\"", "C:\\a b\\")))
                    .isEqualTo("\"C:\\Program Files\\T\\t.exe\" \"say \\\"hi\\\"\" \"C:\\a b\\\\\"");
        }
    }

    @Test
    void eachOperatingSystemGetsItsOwnMechanism() {
        List<String> app = List.of("/x/Tidesync");
        assertThat(AutoStarts.forSystem(OperatingSystem.of("Linux"), Map.of(), "/home/u", app)).isInstanceOf(XdgAutoStart.class);
        assertThat(AutoStarts.forSystem(OperatingSystem.of("FreeBSD"), Map.of(), "/home/u", app)).isInstanceOf(XdgAutoStart.class);
        assertThat(AutoStarts.forSystem(OperatingSystem.of("Mac OS X"), Map.of(), "/Users/u", app)).isInstanceOf(LaunchAgent.class);
        assertThat(AutoStarts.forSystem(OperatingSystem.of("Windows 11"), Map.of("TEMP", "C:\\Temp"), "C:\\Users\\u", app)).isInstanceOf(WindowsRunKey.class);
        assertThat(AutoStarts.forSystem(OperatingSystem.of("SunOS"), Map.of(), "/home/u", app).available()).isFalse();
    }

    @Test
    void theTrayAppIsFoundBesideTheCliLauncherOfTheSameInstall() {
        assertThat(AutoStarts.appLauncherBeside(Path.of("/opt/tidesync/bin/tidesync"), OperatingSystem.of("Linux"))).isEqualTo(Path.of("/opt/tidesync/bin/Tidesync"));
        assertThat(AutoStarts.appLauncherBeside(Path.of("/Applications/Tidesync.app/Contents/MacOS/tidesync-cli"), OperatingSystem.of("Mac OS X")))
                .isEqualTo(Path.of("/Applications/Tidesync.app/Contents/MacOS/Tidesync"));
        assertThat(AutoStarts.appLauncherBeside(Path.of("/c/Tidesync/tidesync-cli.exe"), OperatingSystem.of("Windows 11"))).isEqualTo(Path.of("/c/Tidesync/Tidesync.exe"));
    }
}
