package dev.tidesync.io;

import java.util.List;

/** The few ways Tidesync's sentences name many things, in one place. */
public final class Phrases {

    private Phrases() {}

    /** The first {@code shown} items, then how many more: "a.md, b.md and 3 more"; all of them, comma-separated, when no more. */
    public static String firstAndMore(List<String> items, int shown) {
        return firstAndMore(items, shown, "");
    }

    /**
     * As {@link #firstAndMore(List, int)}, naming what the rest are: "a.md, b.md and 3 more files".
     * {@code noun} is the singular; empty for none.
     */
    public static String firstAndMore(List<String> items, int shown, String noun) {
        if (items.size() <= shown) {
            return String.join(", ", items);
        }
        int more = items.size() - shown;
        String nouns = noun.isEmpty() ? "" : " " + noun + (more == 1 ? "" : "s");
        return String.join(", ", items.subList(0, shown)) + " and " + more + " more" + nouns;
    }

    /** "1 file", "3 files". */
    public static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A size as people read it: "812 bytes", "2.4 KB", "18 MB" (powers of 1024, one decimal below 10). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + (n == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v < 10 ? String.format(java.util.Locale.ROOT, "%.1f", v) : String.valueOf(Math.round(v))) + " " + units[u];
    }
}
