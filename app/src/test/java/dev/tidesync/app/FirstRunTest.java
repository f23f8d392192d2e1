package dev.tidesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.autostart.AutoStart;
import dev.tidesync.autostart.XdgAutoStart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunTest {

    @TempDir
    Path tmp;

    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    final List<String> asked = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    FirstRun.Question answering(boolean yes) {
        return (title, sentence, yesLabel, noLabel, answer) -> {
            asked.add(title);
            answer.accept(yes);
        };
    }

    @Test
    void theFirstStartOffersStartingAtLoginAndAYesTurnsItOn() {
        Path entry = tmp.resolve("autostart/tidesync.desktop");
        AutoStart autoStart = new XdgAutoStart(entry, List.of("/opt/tidesync/bin/Tidesync"));
        FirstRun firstRun = new FirstRun(tmp.resolve("state"), clock, Runnable::run, Runnable::run);

        firstRun.offerAutoStart(autoStart, answering(true), (t, s) -> problems.add(s));

        assertThat(asked).containsExactly("Start Tidesync when you log in?");
        assertThat(entry).exists();
        assertThat(firstRun.due()).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void aNoIsRememberedAndNotAskedAgain() {
        Path entry = tmp.resolve("autostart/tidesync.desktop");
        AutoStart autoStart = new XdgAutoStart(entry, List.of("/opt/tidesync/bin/Tidesync"));

        new FirstRun(tmp.resolve("state"), clock, Runnable::run, Runnable::run).offerAutoStart(autoStart, answering(false), (t, s) -> problems.add(s));
        new FirstRun(tmp.resolve("state"), clock, Runnable::run, Runnable::run).offerAutoStart(autoStart, answering(true), (t, s) -> problems.add(s));

        assertThat(asked).hasSize(1);
        assertThat(entry).doesNotExist();
    }

    @Test
    void nothingIsAskedWhereItIsAlreadyOnOrNotSupported() throws IOException {
        AutoStart on = new XdgAutoStart(tmp.resolve("autostart/tidesync.desktop"), List.of("/x"));
        on.enable();

        new FirstRun(tmp.resolve("a"), clock, Runnable::run, Runnable::run).offerAutoStart(on, answering(true), (t, s) -> problems.add(s));
        new FirstRun(tmp.resolve("b"), clock, Runnable::run, Runnable::run).offerAutoStart(AutoStart.UNAVAILABLE, answering(true), (t, s) -> problems.add(s));

        assertThat(asked).isEmpty();
        assertThat(new FirstRun(tmp.resolve("b"), clock, Runnable::run, Runnable::run).due()).isFalse();
    }

    @Test
    void aFailureToTurnItOnIsShownInOneSentence() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("autostart"), "a file where the folder should be");
        AutoStart autoStart = new XdgAutoStart(blocker.resolve("tidesync.desktop"), List.of("/x"));

        new FirstRun(tmp.resolve("state"), clock, Runnable::run, Runnable::run).offerAutoStart(autoStart, answering(true), (t, s) -> problems.add(s));

        assertThat(problems).singleElement().asString().startsWith("Writing " + blocker.resolve("tidesync.desktop")).endsWith("Settings → General.");
    }
}
