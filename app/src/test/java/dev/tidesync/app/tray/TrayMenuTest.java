package dev.tidesync.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.actions.RecordingActions;
import dev.tidesync.app.status.RepoRow;
import dev.tidesync.app.status.Rows;
import dev.tidesync.app.status.TrayState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrayMenuTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    final RecordingActions actions = new RecordingActions();

    static String text(MenuEntry e) {
        return switch (e) {
            case MenuEntry.Item i -> i.label();
            case MenuEntry.Submenu s -> s.label() + " >";
            case MenuEntry.Separator s -> "—";
        };
    }

    static MenuEntry.Submenu submenu(List<MenuEntry> menu, String startsWith) {
        return menu.stream().filter(e -> e instanceof MenuEntry.Submenu s && s.label().startsWith(startsWith))
                .map(MenuEntry.Submenu.class::cast).findFirst().orElseThrow();
    }

    static void click(List<MenuEntry> entries, String label) {
        entries.stream().filter(e -> e instanceof MenuEntry.Item i && i.label().equals(label)).map(MenuEntry.Item.class::cast)
                .findFirst().orElseThrow().action().run();
    }

    @Test
    void listsEachRepositoryWithItsStateThenTheGlobalActions() {
        List<RepoRow> rows = List.of(Rows.row("notes", "synced"), Rows.conflict("thesis", "ch2.md"));

        List<MenuEntry> menu = TrayMenu.build(rows, TrayState.ATTENTION, false, NOW, actions);

        assertThat(menu.stream().map(TrayMenuTest::text)).startsWith("Needs your attention", "—")
                .contains("Sync all", "Pause all >", "Settings…", "Change log…").endsWith("Quit Tidesync");
        assertThat(submenu(menu, "notes").label()).matches("notes — synced .*");
        assertThat(submenu(menu, "thesis").label()).startsWith("thesis — conflict, ");
    }

    @Test
    void withManyRepositoriesTheMenuShowsTwelveThoseNeedingTheUserFirstAndOpensThePanelForAll() {
        List<RepoRow> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(Rows.row("repo" + i, "synced"));
        }
        rows.set(150, Rows.conflict("thesis", "ch2.md"));

        List<MenuEntry> menu = TrayMenu.build(rows, TrayState.ATTENTION, false, NOW, actions);

        List<MenuEntry> repositories = menu.stream().filter(MenuEntry.Submenu.class::isInstance)
                .filter(e -> !((MenuEntry.Submenu) e).label().equals("Pause all")).toList();
        assertThat(repositories).hasSize(TrayMenu.MAX_REPOSITORIES);
        assertThat(((MenuEntry.Submenu) repositories.getFirst()).label()).startsWith("thesis — conflict");
        click(menu, "All 200 repositories…");
        assertThat(actions.calls).containsExactly("status");
    }

    @Test
    void eachRepositorysSubmenuCarriesItsActions() {
        RepoRow thesis = Rows.conflict("thesis", "ch2.md");
        List<MenuEntry> menu = TrayMenu.build(List.of(thesis), TrayState.ATTENTION, false, NOW, actions);
        List<MenuEntry> entries = submenu(menu, "thesis").entries();

        assertThat(entries.stream().map(TrayMenuTest::text)).containsExactly("Resolve conflict…", "Sync now", "Pause for 1 hour",
                "Pause until resumed", "—", "Open folder", "Open remote in browser", "Show history", "Undo last sync…");
        click(entries, "Resolve conflict…");
        click(entries, "Pause for 1 hour");
        click(entries, "Open remote in browser");
        assertThat(actions.calls).containsExactly("resolve " + thesis.path(), "pause " + thesis.path() + " PT1H", "open remote " + thesis.path());
    }

    @Test
    void aPausedRepositoryOffersResumeAndAGlobalPauseOffersResumeAll() {
        List<MenuEntry> menu = TrayMenu.build(List.of(Rows.row("notes", "paused")), TrayState.PAUSED, true, NOW, actions);

        assertThat(submenu(menu, "notes").entries().stream().map(TrayMenuTest::text)).contains("Resume").doesNotContain("Pause for 1 hour");
        click(menu, "Resume all");
        assertThat(actions.calls).containsExactly("resume all");
    }
}
