#!/usr/bin/env bash
# Renders icons/src/*.svg to the PNG, .ico and .icns files under icons/rendered/, which are
# committed so a build needs none of these tools. Run it after changing any SVG.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing; apt-get install librsvg2-bin imagemagick icnsutils" >&2; exit 1; }
done

out=rendered
rm -rf "$out" && mkdir -p "$out/app" "$out/tray" "$out/tray-template"

# The app icon: the detailed artwork from 48 px up, the simplified one below.
app_svg() { if (( $1 < 48 )); then echo src/app/tidesync-small.svg; else echo src/app/tidesync.svg; fi; }
for px in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$px" -h "$px" "$(app_svg "$px")" -o "$out/app/tidesync-$px.png"
done
for px in 16 32 128 256 512; do   # @2x as macOS iconsets name them
  cp "$out/app/tidesync-$((px * 2)).png" "$out/app/tidesync-$px@2x.png"
done
convert "$out"/app/tidesync-{16,24,32,48,64,128,256}.png "$out/app/tidesync.ico"
png2icns "$out/app/tidesync.icns" "$out"/app/tidesync-{16,32,48,128,256,512,1024}.png >/dev/null

# Tray icons at every size trays ask for: 16-24 px at 1x, 32-48 at 2x, 64 for 4K panels.
for svg in src/tray/*.svg; do
  name=$(basename "$svg" .svg)
  for px in 16 20 22 24 32 40 44 48 64; do
    rsvg-convert -w "$px" -h "$px" "$svg" -o "$out/tray/$name-$px.png"
  done
done

# macOS menu bar: template images (black + alpha) at 18 pt, named so NSImage picks @2x itself.
for svg in src/tray-template/*.svg; do
  name=$(basename "$svg" .svg)
  rsvg-convert -w 18 -h 18 "$svg" -o "$out/tray-template/${name}Template.png"
  rsvg-convert -w 36 -h 36 "$svg" -o "$out/tray-template/${name}Template@2x.png"
done

echo "rendered $(find "$out" -type f | wc -l) files into icons/$out"
