package dev.tidesync.app.status;

import static dev.tidesync.app.status.Rows.conflict;
import static dev.tidesync.app.status.Rows.failed;
import static dev.tidesync.app.status.Rows.row;
import static dev.tidesync.app.status.Rows.syncing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The icon is honest: the most urgent repository decides, and calm shows only when all is calm. */
class TrayStateTest {

    @Test
    void allSyncedIsCalm() {
        assertThat(TrayState.of(List.of(row("notes", "synced"), row("dotfiles", "ahead")), false)).isEqualTo(TrayState.SYNCED);
    }

    @Test
    void aConflictAnywhereOutranksEverythingElse() {
        var rows = List.of(syncing("a"), failed("b", "offline", "offline"), failed("c", "auth", "Authentication failed"), conflict("d", "x.md"));

        assertThat(TrayState.of(rows, true)).isEqualTo(TrayState.ATTENTION);
        assertThat(TrayState.tooltip(TrayState.ATTENTION, rows)).as("the conflict is named, not the failure").contains("(d)");
    }

    @Test
    void aRealFailureOutranksBeingOfflineWhichOutranksSyncing() {
        assertThat(TrayState.of(List.of(syncing("a"), failed("b", "offline", "could not be reached")), false)).isEqualTo(TrayState.OFFLINE);
        assertThat(TrayState.of(List.of(failed("b", "offline", "x"), failed("c", "other", "disk full")), false)).isEqualTo(TrayState.ERROR);
        assertThat(TrayState.of(List.of(row("a", "synced"), syncing("b")), false)).isEqualTo(TrayState.SYNCING);
    }

    @Test
    void pausedShowsOnlyWhenNothingIsWrong() {
        assertThat(TrayState.of(List.of(row("a", "synced")), true)).isEqualTo(TrayState.PAUSED);
        assertThat(TrayState.of(List.of(row("a", "paused"), row("b", "disabled")), false)).isEqualTo(TrayState.PAUSED);
        assertThat(TrayState.of(List.of(row("a", "paused"), failed("b", "other", "x")), true)).isEqualTo(TrayState.ERROR);
    }

    @Test
    void theViewModelTellsTheTooltipAndTheDetailLine() {
        var clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        var vm = new StatusViewModel(clock);
        var ahead = Rows.ahead("notes", 2, 1);

        vm.show(List.of(ahead, row("dotfiles", "synced")), false);

        assertThat(vm.trayStateProperty().get()).isEqualTo(TrayState.SYNCED);
        assertThat(vm.tooltipProperty().get()).isEqualTo("Tidesync: Everything is in sync · 2 repositories");
        assertThat(vm.detail(ahead)).isEqualTo("main ↑2 ↓1 · last synced 2 min ago");
    }

    @Test
    void whileSyncingWaitsOnBatteryTheIconIsPausedAndSaysWhyUnlessSomethingNeedsTheUser() {
        var vm = new StatusViewModel(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

        vm.show(List.of(row("notes", "synced"), row("dotfiles", "dirty")), false, java.util.Optional.of("on battery power"));
        assertThat(vm.trayStateProperty().get()).isEqualTo(TrayState.PAUSED);
        assertThat(vm.tooltipProperty().get()).isEqualTo("Tidesync: Paused while on battery power · 2 repositories");
        assertThat(vm.headline()).isEqualTo("Paused while on battery power");

        vm.show(List.of(Rows.conflict("thesis", "ch2.md")), false, java.util.Optional.of("on battery power"));
        assertThat(vm.trayStateProperty().get()).isEqualTo(TrayState.ATTENTION);
    }

    @Test
    void theLastSuccessAndAFailedAttemptSinceAreShownApartAndAConflictBeforeAnySuccessIsNotNeverSynced() {
        var clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        var vm = new StatusViewModel(clock);
        var failedSince = Rows.withLastAttempt(Rows.failed("work", "offline", "work could not be reached"),
                Instant.parse("2026-11-23T09:59:30Z"), "failed");
        var conflictFirst = Rows.withLastAttempt(Rows.withoutSuccess(Rows.conflict("thesis", "ch2.md")),
                Instant.parse("2026-11-23T09:40:00Z"), "conflict");

        assertThat(vm.detail(failedSince)).isEqualTo("main ↑1 · last synced 2 min ago · last try just now: failed");
        assertThat(vm.detail(conflictFirst)).isEqualTo("main ↑1 ↓1 · not synced yet · last try 20 min ago: conflict");
    }


    @Test
    void agoSpeaksLikeAPerson() {
        assertThat(Ago.ago(java.time.Duration.ofSeconds(10))).isEqualTo("just now");
        assertThat(Ago.ago(java.time.Duration.ofMinutes(14))).isEqualTo("14 min ago");
        assertThat(Ago.ago(java.time.Duration.ofHours(5))).isEqualTo("5 h ago");
        assertThat(Ago.ago(java.time.Duration.ofHours(30))).isEqualTo("yesterday");
    }
}
