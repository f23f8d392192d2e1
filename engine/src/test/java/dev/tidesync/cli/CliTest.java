package dev.tidesync.cli;

import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.InProcessCli;
import dev.tidesync.fixture.InProcessCli.Run;
import dev.tidesync.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract, run in-process against real repositories. */
class CliTest {

    @TempDir
    Path tmp;

    GitFixture fx;
    Path laptop;
    Path desktop;
    Path home;

    Run tidesync(String... args) {
        return new InProcessCli(home).run(args);
    }

    Run tidesyncWith(Map<String, String> extraEnv, String... args) {
        return new InProcessCli(home).runWith(extraEnv, args);
    }

    @BeforeEach
    void twoWatchedMachines() throws Exception {
        fx = new GitFixture(tmp);
        home = tmp.resolve("tidesync-home");
        laptop = fx.machine("laptop");
        write(laptop, "a.md", "a\n");
        assertThat(tidesync("add", laptop.toString()).code()).isZero();
        assertThat(tidesync("sync", laptop.toString()).code()).isZero();
        desktop = fx.machine("desktop");
        assertThat(tidesync("add", desktop.resolve(".").toString(), "--remote", "origin", "--mode", "auto-commit").code()).isZero();
    }

    @Test
    void statusJsonHasTheContractsShape() throws Exception {
        write(desktop, "draft.md", "draft\n");

        Run run = tidesync("status", "--json");

        assertThat(run.code()).isZero();
        JsonNode all = run.json();
        assertThat(all.isArray()).isTrue();
        JsonNode d = all.get(1);
        for (String field : new String[] {"path", "name", "branch", "state", "ahead", "behind", "dirtyFiles", "conflictPaths",
                "heldBack", "remotes", "lastSync", "message"}) {
            assertThat(d.has(field)).as(field).isTrue();
        }
        assertThat(d.get("state").asText()).isEqualTo("dirty");
        assertThat(d.get("dirtyFiles").asInt()).isEqualTo(1);
        assertThat(d.get("remotes").get(0).asText()).isEqualTo("origin");
        JsonNode l = all.get(0);
        assertThat(l.get("state").asText()).isEqualTo("synced");
        assertThat(l.get("lastSync").get("trigger").asText()).isEqualTo("manual");
        assertThat(l.get("lastSync").get("result").asText()).isEqualTo("ok");
        assertThat(l.get("lastSync").get("durationMs").asLong()).isNotNegative();
    }

    @Test
    void syncWithNoPathSyncsEveryRepositoryAndExitsZero() throws Exception {
        write(desktop, "b.md", "b\n");

        Run run = tidesync("sync");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("laptop: Up to date").contains("desktop: Committed 1 file, pushed 1 commit");
        assertThat(tidesync("sync", laptop.toString()).code()).isZero();
        assertThat(GitFixture.read(laptop, "b.md")).isEqualTo("b\n");
    }

    @Test
    void aConflictExitsThreeAndIsShownInStatus() throws Exception {
        tidesync("sync", desktop.toString());
        write(laptop, "a.md", "laptop\n");
        tidesync("sync", laptop.toString());
        write(desktop, "a.md", "desktop\n");

        Run run = tidesync("sync", desktop.toString());
        JsonNode status = tidesync("status", desktop.toString(), "--json").json().get(0);

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("Conflict").contains("a.md");
        assertThat(status.get("state").asText()).isEqualTo("conflict");
        assertThat(status.get("conflictPaths").get(0).asText()).isEqualTo("a.md");
    }

    @Test
    void resolveListsTheConflictThenEndsItAsChosenAndSyncs() throws Exception {
        tidesync("sync", desktop.toString());
        write(laptop, "a.md", "laptop\n");
        tidesync("sync", laptop.toString());
        write(desktop, "a.md", "desktop\n");
        tidesync("sync", desktop.toString());

        Run listed = tidesync("resolve", desktop.toString());
        Run wrongFile = tidesync("resolve", desktop.toString(), "--mine", "b.md");
        Run resolved = tidesync("resolve", desktop.toString(), "--all", "both");

        assertThat(listed.code()).isEqualTo(3);
        assertThat(listed.out()).contains("a.md (changed here and on the remote, 1 place where both changed it)");
        assertThat(wrongFile.code()).isEqualTo(2);
        assertThat(wrongFile.err()).contains("b.md is not one of the conflicting files (a.md)");
        assertThat(resolved.code()).as(resolved.err()).isZero();
        assertThat(resolved.out()).contains("kept both of a.md").contains("desktop: Pushed 2 commits");
        assertThat(GitFixture.read(desktop, "a.md")).isEqualTo("laptop\n");
        assertThat(tidesync("status", desktop.toString(), "--json").json().get(0).get("state").asText()).isEqualTo("synced");
        assertThat(tidesync("history", desktop.toString(), "--json", "--last", "2").json().get(0).get("event").asText())
                .as("the resolution is its own record").isEqualTo("resolve");
        assertThat(tidesync("sync", laptop.toString()).code()).isZero();
        assertThat(GitFixture.read(laptop, "a (" + dev.tidesync.io.MachineName.name() + "'s copy "
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ").md")).isEqualTo("desktop\n");
    }

    @Test
    void resolveShowsWhereATextFileDisagreesAndTakesAChoiceForEachPart() throws Exception {
        write(desktop, "list.md", "milk\nbread\neggs\napples\ncoffee\n");
        tidesync("sync", desktop.toString());
        tidesync("sync", laptop.toString());
        write(laptop, "list.md", "oat milk\nbread\neggs\napples\ntea\n");
        tidesync("sync", laptop.toString());
        write(desktop, "list.md", "soy milk\nbread\neggs\napples\ndecaf\n");
        tidesync("sync", desktop.toString());

        Run listed = tidesync("resolve", desktop.toString());
        Run shown = tidesync("resolve", desktop.toString(), "--show", "list.md");
        Run tooFew = tidesync("resolve", desktop.toString(), "--hunks", "list.md=mine");
        Run badWord = tidesync("resolve", desktop.toString(), "--hunks", "list.md=mine,yours");
        Run resolved = tidesync("resolve", desktop.toString(), "--hunks", "list.md=both,theirs");

        assertThat(listed.out()).contains("list.md (changed here and on the remote, 2 places where both changed it)")
                .contains("--hunks FILE=mine,theirs");
        assertThat(shown.code()).isEqualTo(3);
        assertThat(shown.out()).contains("list.md: 2 places where both changed it", "Part 1 of 2", "  before:\n  | milk\n",
                "  mine:\n  | soy milk\n", "  theirs (origin/main):\n  | oat milk\n", "Choose with --hunks list.md=CHOICE,CHOICE");
        assertThat(tooFew.code()).isEqualTo(1);
        assertThat(tooFew.err()).contains("list.md has 2 places where both sides changed it");
        assertThat(badWord.code()).isEqualTo(2);
        assertThat(badWord.err()).contains("'yours' is not a choice for a part of a file; use mine, theirs or both");
        assertThat(resolved.code()).as(resolved.err()).isZero();
        assertThat(resolved.out()).contains("merged list.md part by part (1 both, 2 theirs)");
        assertThat(GitFixture.read(desktop, "list.md")).isEqualTo("soy milk\noat milk\nbread\neggs\napples\ntea\n");
        assertThat(tidesync("sync", laptop.toString()).code()).isZero();
        assertThat(GitFixture.read(laptop, "list.md")).isEqualTo("soy milk\noat milk\nbread\neggs\napples\ntea\n");
    }

    @Test
    void editsMadeWhileAConflictWaitedAreCommittedBeforeTheResolutionAndKept() throws Exception {
        bothMachinesEditADotMd();
        write(desktop, "a.md", "desktop\nwritten while the conflict waited\n"); // nothing commits it: the repository waits for the user

        Run resolved = tidesync("resolve", desktop.toString(), "--all", "both");

        assertThat(resolved.code()).as(resolved.err()).isZero();
        assertThat(GitFixture.git(desktop, "status", "--porcelain")).isEmpty();
        assertThat(GitFixture.read(desktop, "a.md")).isEqualTo("laptop\n");
        assertThat(GitFixture.read(desktop, "a (" + dev.tidesync.io.MachineName.name() + "'s copy "
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ").md"))
                .as("mine is what the work tree held, the late edit and all").isEqualTo("desktop\nwritten while the conflict waited\n");
    }

    @Test
    void aResolutionIsPublishedEvenWhenTheRemoteMovedOnMeanwhileWithoutReopeningTheConflict() throws Exception {
        bothMachinesEditADotMd();
        write(laptop, "b.md", "more from the laptop\n");
        assertThat(tidesync("sync", laptop.toString()).code()).isZero(); // the remote moves on while the conflict waits

        Run resolved = tidesync("resolve", desktop.toString(), "--all", "both");

        assertThat(resolved.code()).as(resolved.out() + resolved.err()).isZero();
        assertThat(resolved.out()).doesNotContain("Conflict");
        assertThat(GitFixture.read(desktop, "b.md")).isEqualTo("more from the laptop\n");
        assertThat(GitFixture.git(desktop, "rev-parse", "HEAD")).isEqualTo(GitFixture.git(desktop, "rev-parse", "origin/main"));
        assertThat(GitFixture.git(desktop, "log", "-1", "--format=%P").strip().split(" "))
                .as("the resolution's merge is kept, merged with the remote, not replayed").hasSize(2);
    }

    /** The laptop's a.md reaches the remote; the desktop's own edit of it then conflicts (exit 3). */
    private void bothMachinesEditADotMd() throws Exception {
        tidesync("sync", desktop.toString());
        write(laptop, "a.md", "laptop\n");
        tidesync("sync", laptop.toString());
        write(desktop, "a.md", "desktop\n");
        assertThat(tidesync("sync", desktop.toString()).code()).isEqualTo(3);
    }

    @Test
    void undoPutsBackTheFilesAPullChangedAndSaysWhenThereIsNothingToUndo() throws Exception {
        write(laptop, "a.md", "changed on laptop\n");
        tidesync("sync", laptop.toString());
        tidesync("sync", desktop.toString());
        assertThat(GitFixture.read(desktop, "a.md")).isEqualTo("changed on laptop\n");

        Run undone = tidesync("undo", desktop.toString());
        Run again = tidesync("undo", laptop.toString());

        assertThat(undone.code()).as(undone.err()).isZero();
        assertThat(undone.out()).contains("Undo Tidesync's fast-forward");
        assertThat(GitFixture.read(desktop, "a.md")).isEqualTo("a\n");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("nothing to undo").doesNotContain("Exception");
    }

    @Test
    void undoAfterAPullKeepsTheCommitsMadeSince() throws Exception {
        write(laptop, "a.md", "changed on laptop\n");
        tidesync("sync", laptop.toString());
        tidesync("sync", desktop.toString()); // pulls a.md
        write(desktop, "b.md", "written after the pull\n");
        tidesync("sync", desktop.toString()); // an automatic commit on top
        write(desktop, "c.md", "committed by hand\n");
        GitFixture.git(desktop, "add", "c.md");
        GitFixture.git(desktop, "commit", "-q", "-m", "By hand");

        Run undone = tidesync("undo", desktop.toString());

        assertThat(undone.code()).as(undone.err()).isZero();
        assertThat(undone.out()).contains("keeping 2 later commits");
        assertThat(GitFixture.read(desktop, "a.md")).isEqualTo("a\n");
        assertThat(GitFixture.read(desktop, "b.md")).isEqualTo("written after the pull\n");
        assertThat(GitFixture.read(desktop, "c.md")).isEqualTo("committed by hand\n");
        assertThat(GitFixture.git(desktop, "status", "--porcelain")).isEmpty();
        assertThat(fx.remoteFile("a.md")).as("the undo is synced").isEqualTo("a\n");
        JsonNode history = tidesync("history", desktop.toString(), "--json", "--last", "2").json();
        assertThat(history.get(0).get("event").asText()).as("the undo is its own record, not a manual sync").isEqualTo("undo");
        assertThat(history.get(0).get("requestedBy").asText()).isEqualTo("user");
        assertThat(history.get(0).get("message").asText()).startsWith("Undo Tidesync's");
        assertThat(history.get(1).has("event")).as("then the sync that published it").isFalse();
    }

    @Test
    void undoSaysExactlyWhyWhenALaterCommitTouchesWhatTheSyncChanged() throws Exception {
        write(laptop, "a.md", "changed on laptop\n");
        tidesync("sync", laptop.toString());
        tidesync("sync", desktop.toString());
        write(desktop, "a.md", "changed on laptop\nand then here\n");
        GitFixture.git(desktop, "commit", "-q", "-am", "Build on it");
        String head = GitFixture.git(desktop, "rev-parse", "HEAD");

        Run undone = tidesync("undo", desktop.toString());

        assertThat(undone.code()).isEqualTo(1);
        assertThat(undone.err()).contains("keep the later commit").contains("Build on it").contains("a.md").contains("nothing was changed");
        assertThat(GitFixture.git(desktop, "rev-parse", "HEAD")).isEqualTo(head);
    }

    @Test
    void undoRefusesWhenTheBranchWasRewrittenByHandAfterTheSync() throws Exception {
        write(laptop, "a.md", "changed on laptop\n");
        tidesync("sync", laptop.toString());
        tidesync("sync", desktop.toString());
        write(desktop, "b.md", "b\n");
        GitFixture.git(desktop, "add", "b.md");
        GitFixture.git(desktop, "commit", "-q", "-m", "B");
        GitFixture.git(desktop, "commit", "-q", "--amend", "-m", "B, amended");

        Run undone = tidesync("undo", desktop.toString());

        assertThat(undone.code()).isEqualTo(1);
        assertThat(undone.err()).contains("commit (amend)").contains("nothing to undo here");
    }

    @Test
    void agentInstallStatusAndRemoveWorkOnTheUsersOwnSettings() throws Exception {
        Map<String, String> user = Map.of("HOME", tmp.resolve("user").toString());
        Path settings = tmp.resolve("user/.claude/settings.json");

        Run install = tidesyncWith(user, "agent", "install", "claude-code", "--command", "tidesync");
        JsonNode status = Json.mapper().readTree(tidesyncWith(user, "agent", "status", "claude-code", "--json").out());
        Run remove = tidesyncWith(user, "agent", "remove", "claude-code");
        Run unknown = tidesyncWith(user, "agent", "install", "cursor");

        assertThat(install.code()).as(install.err()).isZero();
        assertThat(install.out()).contains("Installed Tidesync's hooks for Claude Code in " + settings);
        assertThat(status.get("installed").asBoolean()).isTrue();
        assertThat(status.get("events")).hasSize(4);
        assertThat(remove.out()).contains("Removed Tidesync's hooks for Claude Code");
        assertThat(settings).doesNotExist();
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("'cursor' is not an agent Tidesync knows; use claude-code, opencode, codex");
    }

    @Test
    void codexsNotifyJsonArgumentIsTakenAsTheHookInput() {
        Run hook = tidesync("hook", "checkpoint", "--agent", "codex",
                "{\"type\":\"agent-turn-complete\",\"thread-id\":\"t-1\",\"cwd\":\"" + tmp.resolve("elsewhere") + "\"}");

        assertThat(hook.code()).isZero();
        assertThat(hook.err()).doesNotContain("Unmatched").doesNotContain("Usage");
    }

    @Test
    void eachTriggerMayCarryItsOwnCommitMessage() throws Exception {
        assertThat(tidesync("config", "set", "triggers.sessionEnd.commitMessage", "Session end on ${host}: ${summary}").code()).isZero();
        write(desktop, "end.md", "end\n");
        assertThat(tidesync("hook", "session-end", "--cwd", desktop.toString()).code()).isZero();
        write(desktop, "by-hand.md", "manual\n");
        assertThat(tidesync("sync", desktop.toString()).code()).isZero();

        String sessionEnd = GitFixture.git(desktop, "log", "-1", "--format=%s", "HEAD~1").strip();
        String manual = GitFixture.git(desktop, "log", "-1", "--format=%B", "HEAD").strip();
        assertThat(sessionEnd).startsWith("Session end on ").contains("end.md");
        assertThat(manual).doesNotStartWith("Session end").contains("Synced by Tidesync").contains("(manual)");
        assertThat(tidesync("config", "set", "triggers.sessionEnd.commitMessage", " ").err())
                .contains("'triggers.sessionEnd.commitMessage' must not be empty");
    }

    @Test
    void aSilentTriggerSaysNothingWhenAllWentWellButStillTellsAConflict() throws Exception {
        assertThat(tidesync("config", "set", "triggers.sessionStart.silent", "true").code()).isZero();

        Run quiet = tidesync("hook", "session-start", "--note", "--cwd", desktop.toString());
        tidesync("sync", desktop.toString());
        write(laptop, "a.md", "laptop\n");
        tidesync("sync", laptop.toString());
        write(desktop, "a.md", "desktop\n");
        tidesync("sync", desktop.toString()); // the conflict
        Run told = tidesync("hook", "session-start", "--note", "--cwd", desktop.toString());

        assertThat(quiet.code()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(told.code()).isZero();
        assertThat(told.out()).contains("Tidesync: ").contains("onflict");
    }

    @Test
    void claudeCraftsAutoSyncShapeIsRefusedRatherThanIgnored() throws Exception {
        Path config = home.resolve("config.json");
        String before = Files.readString(config);
        Files.writeString(config, before.replaceFirst("\\{", "{\"autoSync\": {\"enabled\": true, \"triggers\": {\"userPrompt\": {\"probability\": 5}}},"));

        Run status = tidesync("status");

        assertThat(status.code()).isEqualTo(2);
        assertThat(status.err().strip().lines()).hasSize(1);
        assertThat(status.err()).contains(config + ":1:").contains("'autoSync' is not read by Tidesync").contains("'triggers'");
    }

    @Test
    void noPushModeCommitsAndPullsButNeverPublishesAndSaysSo() throws Exception {
        assertThat(tidesync("config", "set", "repositories.desktop.mode", "no-push").code()).isZero();
        write(laptop, "in.md", "in\n");
        tidesync("sync", laptop.toString());
        write(desktop, "mine.md", "mine\n");

        Run sync = tidesync("sync", desktop.toString());
        JsonNode status = tidesync("status", desktop.toString(), "--json").json().get(0);

        assertThat(sync.code()).isZero();
        assertThat(GitFixture.read(desktop, "in.md")).isEqualTo("in\n");
        assertThat(GitFixture.git(desktop, "log", "-1", "--format=%s").strip()).contains("mine.md");
        assertThat(GitFixture.git(fx.remote(), "ls-tree", "--name-only", "main").lines()).contains("in.md").doesNotContain("mine.md");
        assertThat(status.get("state").asText()).isEqualTo("ahead");
        assertThat(status.get("mode").asText()).isEqualTo("no-push");
        assertThat(status.get("message").asText()).isEqualTo("1 commit kept on this machine (mode no-push: Tidesync never pushes here)");
    }

    @Test
    void aHeldBackSecretExitsFourAndIsListed() throws Exception {
        write(desktop, ".env", "TOKEN=secret-value\n");

        Run run = tidesync("sync", desktop.toString());
        JsonNode status = tidesync("status", desktop.toString(), "--json").json().get(0);

        assertThat(run.code()).isEqualTo(4);
        assertThat(status.get("heldBack").get(0).get("path").asText()).isEqualTo(".env");
        assertThat(status.get("heldBack").get(0).get("reason").asText()).contains("environment file");
    }

    @Test
    void aFailedSyncExitsOneWithOneSentenceAndNoStackTrace() throws Exception {
        Files.move(fx.remote(), tmp.resolve("gone.git"));

        Run run = tidesync("sync", desktop.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tidesync("status", desktop.toString(), "--json").json().get(0).get("state").asText()).isEqualTo("error");
    }

    @Test
    void aBrokenConfigExitsTwoNamingFileLineAndColumn() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\n  \"enabled\": maybe\n}\n");

        Run run = tidesync("status");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(home.resolve("config.json") + ":2:").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(tidesync("sync", "--no-such-flag").code()).isEqualTo(2);
        assertThat(tidesync("add", tmp.resolve("not-a-repo").toString()).code()).isEqualTo(2);
        assertThat(tidesync("add", desktop.toString(), "--mode", "sometimes").err()).contains("auto-commit");
        assertThat(tidesync("sync", tmp.toString()).code()).isEqualTo(2);
        assertThat(tidesync("pause", "--for", "soon").code()).isEqualTo(2);
    }

    @Test
    void historyAndStatsRecordEverySync() throws Exception {
        write(desktop, "c.md", "c\n");
        tidesync("sync", desktop.toString());

        JsonNode history = tidesync("history", "--json").json();
        JsonNode stats = tidesync("stats", "--json").json();
        JsonNode onlyDesktop = tidesync("history", desktop.toString(), "--last", "1", "--json").json();

        assertThat(history.size()).isEqualTo(2);
        JsonNode last = history.get(1);
        assertThat(last.get("name").asText()).isEqualTo("desktop");
        assertThat(last.get("trigger").asText()).isEqualTo("manual");
        assertThat(last.get("result").asText()).isEqualTo("ok");
        assertThat(last.get("commitsIn").asInt()).isZero();
        assertThat(last.get("commitsOut").asInt()).isEqualTo(1);
        assertThat(last.get("files").get(0).asText()).isEqualTo("A c.md");
        assertThat(onlyDesktop.size()).isEqualTo(1);
        assertThat(stats.get("totalSyncs").asInt()).isEqualTo(2);
        assertThat(stats.get("byTrigger").get("manual").get("syncs").asInt()).isEqualTo(2);
        assertThat(stats.get("durations").get("medianMs").asLong()).isPositive();
        assertThat(stats.get("last200").get("total").get("count").asInt()).isEqualTo(2);
        assertThat(stats.get("last200").get("total").get("p95Ms").asLong()).isPositive();
        assertThat(stats.get("today").get("byTrigger").get("manual").get("failureRate").asDouble()).isZero();
    }

    @Test
    void pauseShowsInStatusAndResumeClearsIt() throws Exception {
        assertThat(tidesync("pause", desktop.toString(), "--for", "1h").code()).isZero();
        assertThat(tidesync("status", desktop.toString(), "--json").json().get(0).get("state").asText()).isEqualTo("paused");
        assertThat(tidesync("resume").code()).isZero();
        assertThat(tidesync("status", desktop.toString(), "--json").json().get(0).get("state").asText()).isNotEqualTo("paused");
    }

    @Test
    void disableAndEnableFlipTheSwitchesInConfig() throws Exception {
        assertThat(tidesync("disable", "userPrompt").code()).isZero();
        assertThat(tidesync("disable").code()).isZero();
        assertThat(tidesync("status", "--json").json().get(0).get("state").asText()).isEqualTo("disabled");
        assertThat(tidesync("enable").code()).isZero();
        String config = Files.readString(home.resolve("config.json"));
        assertThat(Json.mapper().readTree(config).at("/triggers/userPrompt/enabled").asBoolean()).isFalse();
        assertThat(tidesync("disable", "sometimes").code()).isEqualTo(2);
    }

    @Test
    void autostartTurnsStartingTheAppAtLoginOnAndOff() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the XDG entry is Linux's");
        Map<String, String> desktopSession = Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
        Path entry = tmp.resolve("xdg/autostart/tidesync.desktop");

        assertThat(tidesyncWith(desktopSession, "autostart").out()).startsWith("Start at login is off (" + entry + ")");
        assertThat(tidesyncWith(desktopSession, "autostart", "on", "--app", "/opt/tidesync/bin/Tidesync").out()).startsWith("Start at login is on");
        assertThat(Files.readString(entry)).contains("Exec=/opt/tidesync/bin/Tidesync\n");
        assertThat(tidesyncWith(desktopSession, "autostart", "--json").json().get("enabled").asBoolean()).isTrue();
        assertThat(tidesyncWith(desktopSession, "autostart", "off").code()).isZero();
        assertThat(entry).doesNotExist();

        Run notInstalled = tidesyncWith(desktopSession, "autostart", "on");
        assertThat(notInstalled.code()).isEqualTo(2);
        assertThat(notInstalled.err()).contains("not started from an installed package").doesNotContain("Exception");
        assertThat(tidesyncWith(desktopSession, "autostart", "maybe").code()).isEqualTo(2);
        assertThat(entry).doesNotExist();
    }

    @Test
    void configCommandsShowLocateValidateAndSet() throws Exception {
        assertThat(tidesync("config", "path").out().strip()).isEqualTo(home.resolve("config.json").toString());
        assertThat(tidesync("config", "set", "triggers.userPrompt.probability", "12").code()).isZero();
        assertThat(tidesync("config", "show").out()).contains("\"probability\" : 12");
        assertThat(tidesync("config", "validate").code()).isZero();
        Run bad = tidesync("config", "set", "triggers.poll.intervalSeconds", "1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("between 5 and");
    }

    @Test
    void doctorReportsALeftOverIndexLockWithItsFix() throws Exception {
        Path lock = desktop.resolve(".git/index.lock");
        Files.writeString(lock, "");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(3, ChronoUnit.HOURS)));

        Run run = tidesync("doctor");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("index.lock").contains("fix:").contains("remote origin (").contains("reachable");
    }

    @Test
    void doctorDeepReadsEveryObjectAndNamesADamagedRepository() throws Exception {
        Run sound = tidesync("doctor", "--deep");
        String blob = GitFixture.git(laptop, "rev-parse", "HEAD:a.md").strip();
        Path loose = laptop.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2));
        assertThat(loose).as("a loose object to damage").exists();
        Files.delete(loose);

        Run damaged = tidesync("doctor", "--deep");

        assertThat(sound.out()).contains("laptop: every object is there and whole");
        assertThat(damaged.code()).isEqualTo(1);
        assertThat(damaged.out()).contains("FAIL  laptop: the repository is damaged: ").contains(blob.substring(0, 7))
                .contains("fix: restore the missing objects from the remote (`git fetch`)");
        assertThat(damaged.out()).contains("desktop: every object is there and whole");
    }

    @Test
    void damageFoundByDoctorDeepIsTheRepositorysStatusUntilACheckFindsItWhole() throws Exception {
        String blob = GitFixture.git(laptop, "rev-parse", "HEAD:a.md").strip();
        Path loose = laptop.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2));
        byte[] kept = Files.readAllBytes(loose);
        Files.delete(loose);
        tidesync("doctor", "--deep");

        JsonNode damaged = tidesync("status", laptop.toString(), "--json").json().get(0);
        Run quick = tidesync("doctor");
        Files.write(loose, kept);
        tidesync("doctor", "--deep");
        JsonNode whole = tidesync("status", laptop.toString(), "--json").json().get(0);

        assertThat(damaged.get("state").asText()).isEqualTo("error");
        assertThat(damaged.get("message").asText()).startsWith("laptop is damaged (").contains(blob.substring(0, 7));
        assertThat(quick.out()).contains("found the repository damaged").contains("`tidesync doctor --deep` checks it again");
        assertThat(whole.get("state").asText()).isNotEqualTo("error");
        assertThat(tidesync("history", "--json").json().findValuesAsText("event")).contains("objects-damaged");
    }

    @Test
    void removeForgetsTheRepositoryButLeavesItAlone() throws Exception {
        Run run = tidesync("remove", desktop.toString());

        assertThat(run.code()).isZero();
        assertThat(tidesync("list", "--json").json().size()).isEqualTo(1);
        assertThat(desktop.resolve(".git")).isDirectory();
    }

    @Test
    void announceKeyNewPrintsAFreshKeyEachTime() {
        Run first = tidesync("announce", "key", "--new");
        Run second = tidesync("announce", "key", "--new");

        assertThat(first.code()).isZero();
        assertThat(first.out().strip()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.out().strip());
        assertThat(tidesync("announce", "key").code()).isEqualTo(2);
    }

    @Test
    void versionAndHelpWork() {
        assertThat(tidesync("--version").out()).startsWith("tidesync ");
        assertThat(tidesync("help").out()).contains("sync").contains("doctor").contains("Exit codes");
    }
}
