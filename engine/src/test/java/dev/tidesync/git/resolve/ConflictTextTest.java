package dev.tidesync.git.resolve;

import static dev.tidesync.git.resolve.HunkChoice.BOTH;
import static dev.tidesync.git.resolve.HunkChoice.MINE;
import static dev.tidesync.git.resolve.HunkChoice.THEIRS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesync.git.resolve.ConflictText.Agreed;
import dev.tidesync.git.resolve.ConflictText.Disputed;
import dev.tidesync.git.resolve.ConflictText.Source;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A conflicting text file split where its versions disagree, and put together again as chosen, byte for byte. */
class ConflictTextTest {

    private static final String BASE = """
            # Groceries
            milk
            bread
            eggs
            apples
            coffee
            """;

    private static final String MINE_TEXT = """
            # Groceries
            oat milk
            bread
            eggs
            apples
            coffee
            tea
            """;

    private static final String THEIRS_TEXT = """
            # Groceries for the week
            soy milk
            bread
            eggs
            apples
            decaf coffee
            """;

    private static ConflictText text(String base, String mine, String theirs) {
        return ConflictText.of("list.md", bytes(base), bytes(mine), bytes(theirs));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String merged(ConflictText t, HunkChoice... choices) throws ResolveException {
        return new String(t.merged(Arrays.asList(choices)), StandardCharsets.UTF_8);
    }

    @Test
    void linesBothSidesChangedDifferentlyAreNumberedPartsAndTheRestIsTakenAsTheMergeWould() {
        ConflictText t = text(BASE, MINE_TEXT, THEIRS_TEXT);

        assertThat(t.disputes()).isEqualTo(2);
        assertThat(t.parts()).containsExactly(
                new Disputed(1, List.of("# Groceries", "milk"), List.of("# Groceries", "oat milk"),
                        List.of("# Groceries for the week", "soy milk")),
                new Agreed(Source.BASE, List.of("bread", "eggs", "apples")),
                new Disputed(2, List.of("coffee"), List.of("coffee", "tea"), List.of("decaf coffee")));
    }

    @Test
    void eachChoiceKeepsItsSideAndBothKeepsMineThenTheirs() throws Exception {
        ConflictText t = text(BASE, MINE_TEXT, THEIRS_TEXT);

        assertThat(merged(t, MINE, THEIRS)).isEqualTo("# Groceries\noat milk\nbread\neggs\napples\ndecaf coffee\n");
        assertThat(merged(t, THEIRS, BOTH)).isEqualTo("# Groceries for the week\nsoy milk\nbread\neggs\napples\ncoffee\ntea\ndecaf coffee\n");
        assertThat(merged(t, MINE, MINE)).isEqualTo(MINE_TEXT);
        assertThat(merged(t, THEIRS, THEIRS)).isEqualTo(THEIRS_TEXT);
    }

    @Test
    void aChangeOnlyOneSideMadeIsTakenWithoutAsking() throws Exception {
        ConflictText t = text("a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n");

        assertThat(t.disputes()).isZero();
        assertThat(t.parts()).contains(new Agreed(Source.MINE, List.of("A")), new Agreed(Source.THEIRS, List.of("E")));
        assertThat(merged(t)).isEqualTo("A\nb\nc\nd\nE\n");
    }

    @Test
    void aFileWithoutAFinalLineFeedKeepsItThatWayAndBothSidesStillGetTheirOwnLines() throws Exception {
        ConflictText t = text("one\ntwo", "one\nmine", "one\ntheirs");

        assertThat(merged(t, MINE)).isEqualTo("one\nmine");
        assertThat(merged(t, BOTH)).isEqualTo("one\nmine\ntheirs");
    }

    @Test
    void windowsLineEndingsAreCopiedAsTheyAre() throws Exception {
        ConflictText t = text("a\r\nb\r\nc\r\n", "a\r\nmine\r\nc\r\n", "a\r\ntheirs\r\nc\r\n");

        assertThat(merged(t, THEIRS)).isEqualTo("a\r\ntheirs\r\nc\r\n");
    }

    @Test
    void aFileBothSidesAddedHasAnEmptyBase() throws Exception {
        ConflictText t = text("", "from the laptop\n", "from the desktop\n");

        assertThat(t.parts()).containsExactly(new Disputed(1, List.of(), List.of("from the laptop"), List.of("from the desktop")));
        assertThat(merged(t, BOTH)).isEqualTo("from the laptop\nfrom the desktop\n");
    }

    @Test
    void thePreviewShowsEachLineWithItsSourceAndAPlaceholderWhereNothingIsChosenYet() {
        ConflictText t = text(BASE, MINE_TEXT, THEIRS_TEXT);

        List<ConflictText.Line> preview = t.preview(Arrays.asList(THEIRS, null));

        assertThat(preview).startsWith(new ConflictText.Line("# Groceries for the week", Source.THEIRS, 1),
                new ConflictText.Line("soy milk", Source.THEIRS, 1), new ConflictText.Line("bread", Source.BASE, 0));
        assertThat(preview).endsWith(new ConflictText.Line("", null, 2));
    }

    @Test
    void aChoiceMissingForAPartIsRefusedSayingHowManyThereAre() {
        ConflictText t = text(BASE, MINE_TEXT, THEIRS_TEXT);

        assertThatThrownBy(() -> t.merged(List.of(MINE)))
                .isInstanceOf(ResolveException.class).hasMessage("list.md has 2 places where both sides changed it;"
                        + " choose mine, theirs or both for each (1 given), nothing was changed");
    }
}
