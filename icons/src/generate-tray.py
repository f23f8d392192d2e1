#!/usr/bin/env python3
"""Writes the tray SVGs (colour and macOS template) from one geometry, so every state and every
syncing frame lines up pixel for pixel. Run it after changing the geometry, then render.sh."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
FRAMES = 8          # syncing animation frames; the app cycles them at 4 fps
PERIOD = 16         # wave period in the 32-unit viewBox; one frame moves it PERIOD / FRAMES
COLORS = {          # kept in step with the status panel's colours
    "synced": "#0E9F8E", "syncing": "#2F7BE0", "paused": "#868E99",
    "offline": "#5E6B7D", "error": "#D63B3B", "attention": "#E59A10",
}
BADGES = {"attention": "#B42318", "error": "#7A1212"}


def wave(y, shift, flat=False):
    if flat:
        return f'<path d="M4 {y}h24"/>'
    humps = " ".join(["t8 0"] * 7)
    return f'<path transform="translate({shift:g} 0)" d="M-16 {y}q4 -2.8 8 0 {humps}"/>'


def waves(state, frame, ink, opacity=1.0):
    shift = frame * PERIOD / FRAMES if state == "syncing" else 0
    flat = state == "offline"
    return (f'<g clip-path="url(#water)" fill="none" stroke="{ink}" stroke-opacity="{opacity:g}" '
            f'stroke-width="3.6" stroke-linecap="round">'
            f'{wave(12.5, shift, flat)}{wave(20, shift, flat)}</g>')


def badge(state, ink, template):
    if state not in BADGES:
        return ""
    # error carries a bar through its dot ("stopped"), attention a plain dot ("look at me")
    bar = '<rect x="22" y="6" width="6" height="2" rx="0.6" fill="{}"/>'
    if template:  # a dot with a clear gap around it, made by the mask on the body
        knock = ('<mask id="bar"><rect width="32" height="32" fill="#fff"/>' + bar.format("#000") + '</mask>') if state == "error" else ""
        return f'{knock}<circle cx="25" cy="7" r="5.5" fill="{ink}"' + (' mask="url(#bar)"' if knock else "") + "/>"
    return (f'<circle cx="25" cy="7" r="7" fill="#fff"/><circle cx="25" cy="7" r="5.5" fill="{BADGES[state]}"/>'
            + (bar.format("#fff") if state == "error" else ""))


def pause_bars(state, template):
    if state != "paused":
        return ""
    fill = "#000" if template else "#3C4148"
    ring = "" if template else ' stroke="#fff" stroke-width="1.2"'
    return (f'<rect x="19" y="17" width="4" height="12" rx="1.2" fill="{fill}"{ring}/>'
            f'<rect x="25" y="17" width="4" height="12" rx="1.2" fill="{fill}"{ring}/>')


def colour_svg(state, frame=0):
    body = (f'<circle cx="16" cy="16" r="15" fill="{COLORS[state]}"/>'
            + waves(state, frame, "#fff", 0.6 if state == "offline" else 1.0))
    return document(body + badge(state, None, False) + pause_bars(state, False))


def template_svg(state, frame=0):
    """macOS menu bar: black with alpha only; the system tints it for light and dark bars."""
    ring = ('<circle cx="16" cy="16" r="13.6" fill="none" stroke="#000" stroke-width="2.8"'
            + (' stroke-dasharray="4.2 3"' if state == "offline" else "") + "/>")
    body = ring + ("" if state == "paused" else waves(state, frame, "#000"))
    cut = {"attention": '<circle cx="25" cy="7" r="7.5" fill="#000"/>', "error": '<circle cx="25" cy="7" r="7.5" fill="#000"/>',
           "paused": '<rect x="17.5" y="15.5" width="13" height="15" fill="#000"/>'}.get(state, "")
    masked = (f'<mask id="gap"><rect width="32" height="32" fill="#fff"/>{cut}</mask>'
              f'<g mask="url(#gap)">{body}</g>') if cut else body
    return document(masked + badge(state, "#000", True) + pause_bars(state, True))


def document(content):
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">'
            '<defs><clipPath id="water"><circle cx="16" cy="16" r="11.6"/></clipPath></defs>'
            f'{content}</svg>\n')


def main():
    for template, folder, write in ((False, "tray", colour_svg), (True, "tray-template", template_svg)):
        out = HERE / folder
        out.mkdir(exist_ok=True)
        for state in COLORS:
            if state == "syncing":
                for frame in range(FRAMES):
                    (out / f"syncing-{frame}.svg").write_text(write(state, frame))
            else:
                (out / f"{state}.svg").write_text(write(state))


if __name__ == "__main__":
    main()
