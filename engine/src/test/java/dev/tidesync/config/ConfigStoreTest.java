package dev.tidesync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    @TempDir
    Path tmp;

    ConfigStore store() {
        return new ConfigStore(tmp.resolve("config.json"));
    }

    @Test
    void aMissingFileMeansDefaults() throws Exception {
        Settings s = store().load().settings();

        assertThat(s.enabled()).isTrue();
        assertThat(s.triggers().userPrompt().probability()).isEqualTo(27);
        assertThat(s.triggers().userPrompt().debounceMs()).isEqualTo(5000);
        assertThat(s.triggers().fileChange().inactivityMs()).isEqualTo(5000);
        assertThat(s.triggers().poll().intervalSeconds()).isEqualTo(60);
        assertThat(s.guards().maxFileSizeBytes()).isEqualTo(50L * 1024 * 1024);
    }

    @Test
    void fieldsThisVersionDoesNotKnowSurviveASave() throws Exception {
        Files.writeString(store().file(), """
                {
                  "futureFeature": {"x": 1},
                  "triggers": {"userPrompt": {"probability": 10, "someday": true}}
                }
                """);

        store().set("triggers.poll.intervalSeconds", "120");

        String saved = Files.readString(store().file());
        assertThat(saved).contains("\"futureFeature\"").contains("\"someday\"").contains("120");
        assertThat(store().load().settings().triggers().userPrompt().probability()).isEqualTo(10);
    }

    @Test
    void brokenJsonNamesTheFileLineAndColumn() throws Exception {
        Files.writeString(store().file(), "{\n  \"enabled\": true,\n  \"triggers\": {\n    \"poll\": {\"intervalSeconds\": 60,}\n  }\n}\n");

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(store().file() + ":4:")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aQuotedValueWithALineBreakStillGivesOneLine() throws Exception {
        Files.writeString(store().file(), "{\"desktop\": {\"notifications\": \"p\\roblems\\n\"}}");

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not \"p\\roblems\\n\"")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void theAnnouncementChannelWantsABrokerAddressAndALongEnoughKey() throws Exception {
        assertThatThrownBy(() -> store().set("announce.url", "http://broker.example:1883"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'announce.url' must start with mqtt:// or mqtts://");
        assertThatThrownBy(() -> store().set("announce.url", "mqtt://broker.example:1883"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'announce.key' must be at least 16 bytes")
                .hasMessageContaining("tidesync announce key --new");

        store().set("announce.key", "0123456789abcdef0123");
        store().set("announce.url", "mqtts://broker.example");

        AnnounceSettings a = store().load().settings().announce();
        assertThat(a.enabled()).isTrue();
        assertThat(a.tls()).isTrue();
        assertThat(a.port()).isEqualTo(8883);
        assertThat(Settings.defaults().announce().enabled()).as("off unless set").isFalse();
    }

    @Test
    void aValueOfTheWrongTypeNamesItsLineAndColumn() throws Exception {
        Files.writeString(store().file(), "{\n  \"triggers\": {\n    \"userPrompt\": {\n      \"probability\": \"often\"\n    }\n  }\n}\n");

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(store().file() + ":4:22")
                .hasMessageContaining("triggers.userPrompt.probability")
                .hasMessageContaining("a whole number");
    }

    @Test
    void aValueOutOfRangeNamesItsLineAndTheAllowedRange() throws Exception {
        Files.writeString(store().file(), "{\n  \"triggers\": {\"userPrompt\": {\"probability\": 0}}\n}\n");

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(store().file() + ":2:")
                .hasMessageContaining("must be between 1 and");
    }

    @Test
    void anUnknownModeIsExplained() throws Exception {
        Files.writeString(store().file(), "{\"repositories\": [{\"path\": \"/tmp/x\", \"mode\": \"sometimes\"}]}");

        assertThatThrownBy(() -> store().load())
                .hasMessageContaining("repositories.0.mode")
                .hasMessageContaining("auto-commit, commits-only, pull-only, push-only or no-push");
    }

    @Test
    void anInvalidFileIsNeverOverwritten() throws Exception {
        String broken = "{ \"enabled\": tru }";
        Files.writeString(store().file(), broken);

        assertThatThrownBy(() -> store().set("enabled", "false")).isInstanceOf(ConfigException.class);

        assertThat(Files.readString(store().file())).isEqualTo(broken);
    }

    @Test
    void setChecksTypesRangesAndKeysBeforeWriting() throws Exception {
        store().set("triggers.userPrompt.probability", "27");

        assertThatThrownBy(() -> store().set("triggers.userPrompt.probability", "-3")).hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> store().set("triggers.userPrompt.probability", "lots")).hasMessageContaining("a whole number");
        assertThatThrownBy(() -> store().set("triggers.userPromt.probability", "3")).hasMessageContaining("is not a setting");
        assertThat(store().load().settings().triggers().userPrompt().probability()).isEqualTo(27);
    }

    @Test
    void repositoriesAreAddressedByNameAndInheritTheGlobalGuards() throws Exception {
        Files.writeString(store().file(), "{\"guards\": {\"maxFileSizeBytes\": 1000}, \"repositories\": [{\"path\": \"/home/me/notes\"}]}");

        store().set("repositories.notes.mode", "pull-only");

        RepositorySettings notes = store().load().settings().repositories().getFirst();
        assertThat(notes.name()).isEqualTo("notes");
        assertThat(notes.mode()).isEqualTo(SyncMode.PULL_ONLY);
        assertThat(notes.guards().maxFileSizeBytes()).isEqualTo(1000);
    }

    @Test
    void nullReturnsAKeyToItsDefault() throws Exception {
        store().set("triggers.poll.intervalSeconds", "300");
        store().set("triggers.poll.intervalSeconds", "null");

        assertThat(store().load().settings().triggers().poll().intervalSeconds()).isEqualTo(60);
    }

    @Test
    void homeFollowsTheOverrideThenTheEnvironmentThenXdg() {
        assertThat(TidesyncHome.resolve(Optional.of(Path.of("/o")), Map.of("TIDESYNC_HOME", "/e"), dev.tidesync.io.OperatingSystem.LINUX, "/home/u").configFile())
                .isEqualTo(Path.of("/o/config.json"));
        assertThat(TidesyncHome.resolve(Optional.empty(), Map.of("TIDESYNC_HOME", "/e"), dev.tidesync.io.OperatingSystem.LINUX, "/home/u").socket())
                .isEqualTo(Path.of("/e/tidesync.sock"));
        TidesyncHome xdg = TidesyncHome.resolve(Optional.empty(), Map.of("XDG_STATE_HOME", "/s"), dev.tidesync.io.OperatingSystem.LINUX, "/home/u");
        assertThat(xdg.configFile()).isEqualTo(Path.of("/home/u/.config/tidesync/config.json"));
        assertThat(xdg.historyFile()).isEqualTo(Path.of("/s/tidesync/history.jsonl"));
        assertThat(TidesyncHome.resolve(Optional.empty(), Map.of(), dev.tidesync.io.OperatingSystem.MAC, "/Users/u").configFile())
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Tidesync/config.json"));
    }
}
