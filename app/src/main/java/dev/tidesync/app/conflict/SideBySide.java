package dev.tidesync.app.conflict;

import dev.tidesync.git.resolve.ConflictText;
import java.util.ArrayList;
import java.util.List;

/**
 * A conflicting text file as rows for the side-by-side view: the places where the versions
 * disagree as a header and aligned pairs of lines (this computer's left, the remote's right),
 * everything else once across the width, long unchanged stretches folded to their edges.
 */
final class SideBySide {

    /** Unchanged runs longer than this are folded, keeping {@link #CONTEXT} lines at each end. */
    static final int FOLD_OVER = 8;
    static final int CONTEXT = 3;

    enum Kind {
        /** The same on both sides (unchanged since they parted). */
        SAME,
        /** Changed only on this computer: taken as it is. */
        TAKEN_MINE,
        /** Changed only on the remote: taken as it is. */
        TAKEN_THEIRS,
        /** Folded unchanged lines: {@code mine} says how many. */
        FOLDED,
        /** The start of a place where both changed the same lines. */
        PART,
        /** One pair of lines of such a place; a side that has fewer lines shows nothing. */
        DISPUTED
    }

    /**
     * @param part the place's number for PART and DISPUTED rows, else 0
     * @param mine for DISPUTED this computer's line (null past its end), else the row's text
     */
    record Row(Kind kind, String mine, String theirs, int part) {}

    private SideBySide() {}

    static List<Row> rows(ConflictText text) {
        List<Row> rows = new ArrayList<>();
        for (ConflictText.Part p : text.parts()) {
            switch (p) {
                case ConflictText.Agreed a -> agreed(rows, a);
                case ConflictText.Disputed d -> {
                    rows.add(new Row(Kind.PART, "", "", d.number()));
                    int n = Math.max(Math.max(d.mine().size(), d.theirs().size()), 1);
                    for (int i = 0; i < n; i++) {
                        rows.add(new Row(Kind.DISPUTED, i < d.mine().size() ? d.mine().get(i) : null,
                                i < d.theirs().size() ? d.theirs().get(i) : null, d.number()));
                    }
                }
            }
        }
        return rows;
    }

    private static void agreed(List<Row> rows, ConflictText.Agreed a) {
        Kind kind = switch (a.from()) {
            case BASE -> Kind.SAME;
            case MINE -> Kind.TAKEN_MINE;
            case THEIRS -> Kind.TAKEN_THEIRS;
        };
        List<String> lines = a.lines();
        boolean fold = kind == Kind.SAME && lines.size() > FOLD_OVER;
        for (int i = 0; i < lines.size(); i++) {
            if (fold && i == CONTEXT) {
                int hidden = lines.size() - 2 * CONTEXT;
                rows.add(new Row(Kind.FOLDED, hidden + " unchanged lines", "", 0));
                i = lines.size() - CONTEXT - 1;
                continue;
            }
            rows.add(new Row(kind, lines.get(i), "", 0));
        }
    }
}
