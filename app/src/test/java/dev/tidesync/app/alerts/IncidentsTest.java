package dev.tidesync.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.status.RepoRow;
import dev.tidesync.app.status.Rows;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentsTest {

    final Incidents incidents = new Incidents();

    @Test
    void aConflictIsAnnouncedOnceHoweverOftenItIsSeen() {
        RepoRow conflict = Rows.conflict("thesis", "ch2.md");

        List<Alert> first = incidents.update(List.of(conflict, Rows.row("notes", "synced")), "problems");
        List<Alert> again = incidents.update(List.of(conflict, Rows.row("notes", "synced")), "problems");

        assertThat(first).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Alert.Kind.CONFLICT);
            assertThat(a.title()).isEqualTo("Conflict in thesis");
            assertThat(a.text()).startsWith("ch2.md changed here and on the remote");
            assertThat(a.actionLabel()).isEqualTo("Resolve…");
            assertThat(a.urgent()).isTrue();
        });
        assertThat(again).isEmpty();
    }

    @Test
    void aNewIncidentAfterTheOldOneClearedIsAnnouncedAgain() {
        incidents.update(List.of(Rows.conflict("thesis", "ch2.md")), "problems");
        incidents.update(List.of(Rows.row("thesis", "synced")), "problems");

        assertThat(incidents.update(List.of(Rows.conflict("thesis", "ch2.md")), "problems")).hasSize(1);
        assertThat(incidents.update(List.of(Rows.conflict("thesis", "ch2.md", "ch3.md")), "problems"))
                .as("other files: a different incident").hasSize(1);
    }

    @Test
    void repeatedAuthFailuresThatStoppedSyncingAreAnnouncedButOfflineIsNot() {
        List<Alert> alerts = incidents.update(List.of(Rows.failed("blog", "auth", "Authentication failed for origin"),
                Rows.failed("work", "offline", "work could not be reached")), "problems");

        assertThat(alerts).singleElement().extracting(Alert::title).isEqualTo("blog needs attention");
    }

    @Test
    void notificationsOffSilencesEverythingAndPulledNewsNeedsAll() {
        assertThat(incidents.update(List.of(Rows.conflict("thesis", "a")), "off")).isEmpty();
        assertThat(Incidents.pulled(Path.of("/r"), "notes", 2, "problems")).isEmpty();
        assertThat(Incidents.pulled(Path.of("/r"), "notes", 0, "all")).isEmpty();
        assertThat(Incidents.pulled(Path.of("/r"), "notes", 2, "all")).get().extracting(Alert::text)
                .isEqualTo("2 commits came in from the remote");
    }
}
