package dev.tidesync.app.tray;

/**
 * A tray bitmap: ARGB pixels, not premultiplied, row by row. Plain data, so the D-Bus tray and
 * the AWT tray each turn it into what they need, and neither drags in the other's toolkit.
 */
public record IconImage(int width, int height, int[] argb) {

    public IconImage {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(width + "×" + height + " needs " + width * height + " pixels, not " + argb.length);
        }
        argb = argb.clone();
    }

    public int pixel(int x, int y) {
        return argb[y * width + x];
    }

    @Override
    public int[] argb() {
        return argb.clone();
    }

    /** The pixels as the StatusNotifierItem spec wants them: ARGB32 in network (big-endian) byte order. */
    public byte[] networkOrderArgb() {
        byte[] out = new byte[argb.length * 4];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i * 4] = (byte) (p >>> 24);
            out[i * 4 + 1] = (byte) (p >>> 16);
            out[i * 4 + 2] = (byte) (p >>> 8);
            out[i * 4 + 3] = (byte) p;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IconImage i && i.width == width && i.height == height && java.util.Arrays.equals(i.argb, argb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + java.util.Arrays.hashCode(argb);
    }

    @Override
    public String toString() {
        return "IconImage[" + width + "×" + height + "]";
    }
}
