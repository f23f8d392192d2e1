package dev.tidesync.app.tray;

import dev.tidesync.app.actions.AppActions;
import dev.tidesync.app.status.Ago;
import dev.tidesync.app.status.RepoRow;
import dev.tidesync.app.status.RowLook;
import dev.tidesync.app.status.TrayState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tray menu: the summary, one submenu per repository ("notes — synced 2 min ago") with its
 * actions, then the global actions. Built from rows, so the labels are tested without a tray.
 */
public final class TrayMenu {

    private TrayMenu() {}

    public static List<MenuEntry> build(List<RepoRow> rows, TrayState state, boolean globallyPaused, Instant now,
                                        AppActions actions) {
        return build(rows, state.summary(), globallyPaused, now, actions);
    }

    /** @param headline the first line: the state in a few words */
    public static List<MenuEntry> build(List<RepoRow> rows, String headline, boolean globallyPaused, Instant now, AppActions actions) {
        List<MenuEntry> menu = new ArrayList<>();
        menu.add(MenuEntry.info(headline));
        menu.add(new MenuEntry.Separator());
        if (rows.isEmpty()) {
            menu.add(MenuEntry.info("No repositories yet"));
        }
        for (RepoRow row : shown(rows)) {
            menu.add(new MenuEntry.Submenu(label(row, now), repositoryEntries(row, actions)));
        }
        if (rows.size() > MAX_REPOSITORIES) {
            menu.add(new MenuEntry.Item("All " + rows.size() + " repositories…", true, actions::showStatus));
        }
        menu.add(new MenuEntry.Separator());
        menu.add(new MenuEntry.Item("Sync all", !rows.isEmpty(), actions::syncAll));
        menu.add(globallyPaused
                ? new MenuEntry.Item("Resume all", true, () -> actions.resume(Optional.empty()))
                : new MenuEntry.Submenu("Pause all", List.of(
                        new MenuEntry.Item("For 1 hour", true, () -> actions.pause(Optional.empty(), Optional.of(Duration.ofHours(1)))),
                        new MenuEntry.Item("Until resumed", true, () -> actions.pause(Optional.empty(), Optional.empty())))));
        menu.add(new MenuEntry.Separator());
        menu.add(new MenuEntry.Item("Settings…", true, actions::showSettings));
        menu.add(new MenuEntry.Item("Change log…", true, () -> actions.showHistory(Optional.empty())));
        menu.add(new MenuEntry.Separator());
        menu.add(new MenuEntry.Item("Quit Tidesync", true, actions::quit));
        return menu;
    }

    /**
     * A menu is for a glance: at most this many repositories, those that need the user first. With
     * hundreds, every one in the menu would make it unreadable, and a tray host fetches each item.
     */
    static final int MAX_REPOSITORIES = 12;

    static List<RepoRow> shown(List<RepoRow> rows) {
        if (rows.size() <= MAX_REPOSITORIES) {
            return rows;
        }
        List<RepoRow> first = new ArrayList<>(rows.stream().filter(RepoRow::needsAttention).toList());
        rows.stream().filter(r -> !r.needsAttention()).forEach(first::add);
        return first.subList(0, MAX_REPOSITORIES);
    }

    /** "notes — synced 2 min ago", or the state first when that matters more; nothing about a sync that never went through. */
    static String label(RepoRow row, Instant now) {
        RowLook look = RowLook.of(row);
        if (row.lastSuccess().isEmpty()) {
            return row.name() + " — " + look.stateLabel();
        }
        String when = Ago.synced(row.lastSuccess(), now);
        return switch (look.stateLabel()) {
            case "synced" -> row.name() + " — " + when;
            default -> row.name() + " — " + look.stateLabel() + ", " + when;
        };
    }

    private static List<MenuEntry> repositoryEntries(RepoRow row, AppActions actions) {
        List<MenuEntry> entries = new ArrayList<>();
        if (row.needsAttention() && !row.conflictPaths().isEmpty()) {
            entries.add(new MenuEntry.Item("Resolve conflict…", true, () -> actions.resolve(row.path())));
        }
        entries.add(new MenuEntry.Item("Sync now", !row.syncing(), () -> actions.syncNow(row.path())));
        if (row.state().filter(dev.tidesync.status.RepoState.Paused.class::isInstance).isPresent()) {
            entries.add(new MenuEntry.Item("Resume", true, () -> actions.resume(Optional.of(row.path()))));
        } else {
            entries.add(new MenuEntry.Item("Pause for 1 hour", true, () -> actions.pause(Optional.of(row.path()), Optional.of(Duration.ofHours(1)))));
            entries.add(new MenuEntry.Item("Pause until resumed", true, () -> actions.pause(Optional.of(row.path()), Optional.empty())));
        }
        entries.add(new MenuEntry.Separator());
        entries.add(new MenuEntry.Item("Open folder", true, () -> actions.openFolder(row.path())));
        entries.add(new MenuEntry.Item("Open remote in browser", !row.remotes().isEmpty(), () -> actions.openRemote(row.path())));
        entries.add(new MenuEntry.Item("Show history", true, () -> actions.showHistory(Optional.of(row.path()))));
        entries.add(new MenuEntry.Item("Undo last sync…", true, () -> actions.undo(row.path())));
        return entries;
    }
}
