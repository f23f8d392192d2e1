package dev.tidesync.git.resolve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeChunk.ConflictState;
import org.eclipse.jgit.merge.MergeResult;

/**
 * One conflicting text file as JGit's three-way merge (histogram diff) sees it: the parts both
 * sides agree on, or that only one side changed, and the numbered parts where they disagree.
 * The result of a choice per disagreement is written here, byte for byte, for the preview and
 * for the commit alike, so what the user previewed is what gets committed.
 */
public final class ConflictText {

    /** Where a line comes from. */
    public enum Source {
        /** Unchanged on both sides since they parted. */
        BASE,
        /** This machine's version. */
        MINE,
        /** The remote's version. */
        THEIRS
    }

    /** A stretch of the file. */
    public sealed interface Part {}

    /**
     * Lines the merge takes without asking.
     *
     * @param from BASE when neither side changed them, MINE or THEIRS when only that side did
     */
    public record Agreed(Source from, List<String> lines) implements Part {

        public Agreed {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A place where both sides changed the same lines differently.
     *
     * @param number 1 for the first disagreement in the file, and so on
     * @param base   the lines as they were before either side changed them (empty when both added the file)
     */
    public record Disputed(int number, List<String> base, List<String> mine, List<String> theirs) implements Part {

        public Disputed {
            base = List.copyOf(base);
            mine = List.copyOf(mine);
            theirs = List.copyOf(theirs);
        }
    }

    /**
     * One line of a result, for the preview.
     *
     * @param part the disagreement it comes from (its number), or 0 for a line the merge took without asking
     * @param from null for the placeholder of a disagreement with no choice yet
     */
    public record Line(String text, Source from, int part) {}

    /** What a part is in terms of the three texts' lines: [begin, end) of one text, or one of each side. */
    private record Span(int sequence, int begin, int end) {}

    private record Dispute(Span base, Span mine, Span theirs) {}

    private final String path;
    private final RawText[] texts;
    private final List<Part> parts = new ArrayList<>();
    /** Per part, in order: a Span for agreed lines, a Dispute for a disagreement. */
    private final List<Object> spans = new ArrayList<>();
    private final int disputes;

    private ConflictText(String path, RawText base, RawText mine, RawText theirs) {
        this.path = path;
        this.texts = new RawText[] {base, mine, theirs};
        MergeResult<RawText> merged = new MergeAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM))
                .merge(RawTextComparator.DEFAULT, base, mine, theirs);
        Span[] open = null;
        int number = 0;
        for (MergeChunk chunk : merged) {
            Span span = new Span(chunk.getSequenceIndex(), chunk.getBegin(), chunk.getEnd());
            ConflictState state = chunk.getConflictState();
            if (state == ConflictState.NO_CONFLICT) {
                if (open != null) {
                    number = closeDispute(open, number);
                    open = null;
                }
                if (span.end() > span.begin()) {
                    spans.add(span);
                    parts.add(new Agreed(Source.values()[span.sequence()], lines(span)));
                }
                continue;
            }
            if (open == null || state == ConflictState.FIRST_CONFLICTING_RANGE) {
                if (open != null) {
                    number = closeDispute(open, number);
                }
                open = new Span[3];
            }
            open[span.sequence()] = span;
        }
        if (open != null) {
            number = closeDispute(open, number);
        }
        this.disputes = number;
    }

    private int closeDispute(Span[] open, int number) {
        Span none = new Span(0, 0, 0);
        Dispute d = new Dispute(open[0] == null ? none : open[0], open[1] == null ? new Span(1, 0, 0) : open[1],
                open[2] == null ? new Span(2, 0, 0) : open[2]);
        spans.add(d);
        parts.add(new Disputed(number + 1, lines(d.base()), lines(d.mine()), lines(d.theirs())));
        return number + 1;
    }

    /** The file's three versions; an absent base (both sides added the file) is an empty one. */
    public static ConflictText of(String path, byte[] base, byte[] mine, byte[] theirs) {
        return new ConflictText(path, new RawText(base), new RawText(mine), new RawText(theirs));
    }

    public String path() {
        return path;
    }

    public List<Part> parts() {
        return List.copyOf(parts);
    }

    /** How many places need a choice. */
    public int disputes() {
        return disputes;
    }

    /** The lines of the file with this machine's version (all of it), for showing a side whole. */
    public int lineCount(Source side) {
        return texts[side.ordinal()].size();
    }

    /**
     * The file as it will be committed with one choice per disagreement, in order: mine, theirs,
     * or both (mine, then theirs). Agreed lines are copied as they are, line endings included.
     */
    public byte[] merged(List<HunkChoice> choices) throws ResolveException {
        if (choices.size() != disputes || choices.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ResolveException(path + " has " + disputes + (disputes == 1 ? " place" : " places") + " where both sides changed it;"
                    + " choose mine, theirs or both for each (" + choices.stream().filter(c -> c != null).count() + " given), nothing was changed");
        }
        Writer out = new Writer();
        int next = 0;
        for (Object s : spans) {
            if (s instanceof Span span) {
                out.copy(span);
            } else {
                Dispute d = (Dispute) s;
                switch (choices.get(next++)) {
                    case MINE -> out.copy(d.mine());
                    case THEIRS -> out.copy(d.theirs());
                    case BOTH -> {
                        out.copy(d.mine());
                        out.copy(d.theirs());
                    }
                }
            }
        }
        return out.bytes();
    }

    /**
     * The result line by line, for the preview: each line with where it came from; a
     * disagreement with no choice yet (a null in {@code choices}) shows as one placeholder line.
     */
    public List<Line> preview(List<HunkChoice> choices) {
        List<Line> lines = new ArrayList<>();
        int next = 0;
        for (Part p : parts) {
            switch (p) {
                case Agreed a -> a.lines().forEach(l -> lines.add(new Line(l, a.from(), 0)));
                case Disputed d -> {
                    HunkChoice c = next < choices.size() ? choices.get(next) : null;
                    next++;
                    if (c == null) {
                        lines.add(new Line("", null, d.number()));
                        continue;
                    }
                    if (c != HunkChoice.THEIRS) {
                        d.mine().forEach(l -> lines.add(new Line(l, Source.MINE, d.number())));
                    }
                    if (c != HunkChoice.MINE) {
                        d.theirs().forEach(l -> lines.add(new Line(l, Source.THEIRS, d.number())));
                    }
                }
            }
        }
        return lines;
    }

    private List<String> lines(Span span) {
        RawText text = texts[span.sequence()];
        List<String> out = new ArrayList<>(span.end() - span.begin());
        for (int i = span.begin(); i < span.end(); i++) {
            out.add(text.getString(i));
        }
        return out;
    }

    /**
     * Copies whole lines. A line is followed by a line feed unless it is the last of a text that
     * has none at its end and nothing follows it, so a file without a final newline keeps it so.
     */
    private final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private boolean owesNewline;

        void copy(Span span) {
            RawText text = texts[span.sequence()];
            try {
                for (int i = span.begin(); i < span.end(); i++) {
                    if (owesNewline) {
                        out.write('\n');
                    }
                    text.writeLine(out, i);
                    boolean lastWithout = i == text.size() - 1 && text.isMissingNewlineAtEnd();
                    if (lastWithout) {
                        owesNewline = true;
                    } else {
                        out.write('\n');
                        owesNewline = false;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
