"""How figures, dates, sources and names read on screen: plain words, never markup."""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.style import Style
from rich.text import Text
from textual.color import Color

from extract.text import inert

UNKNOWN_OUTLET = "unknown outlet"
# An entity's colour by its type, in the article's text and in the entities pane alike: the
# theme's colours, made readable on its background (`readable`), light or dark. Never its
# error colour (red: a conflict) nor its warning colour (figures); and names are not bold,
# so the figures, bold on a tint of their own, stand out among them.
ENTITY_COLOURS = {
    "person": "$success",
    "org": "$primary",
    "place": "$secondary",
}
READABLE = 4.5  # WCAG's contrast for text: a theme's green on the light theme's grey was 2.4


def contrast(a: Color, b: Color) -> float:
    """WCAG's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""

    def luminance(c: Color) -> float:
        def channel(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(style: Style, background: RichColor | None) -> Style:
    """A style whose colour is lightened (on a dark background) or darkened (on a light
    one) just enough to be read there; other styles as they are."""
    if style.color is None or background is None:
        return style
    colour, under = Color.from_rich_color(style.color), Color.from_rich_color(background)
    for _ in range(20):
        if contrast(colour, under) >= READABLE:
            break
        colour = colour.darken(0.05) if under.brightness > 0.5 else colour.lighten(0.05)
    return style + Style(color=colour.rich_color)


def entity_css(widget: str, prefix: str) -> str:
    """The CSS of a widget's component classes `{prefix}--person` and so on."""
    rules = [f"{widget} > .{prefix}--{kind} {{ color: {colour}; }}"
             for kind, colour in ENTITY_COLOURS.items()]  # fmt: skip
    return "\n".join(rules)


def entity_classes(prefix: str) -> set[str]:
    return {f"{prefix}--{kind}" for kind in ENTITY_COLOURS}


def source(name: str, file_named: str | None, shown: str = "whole") -> Text:
    """An article's source as shown: its name, or, where no outlet was found for it, never
    the file's name as if it were one: "unknown outlet" and the file's name dimmed (whole),
    "unknown outlet" alone (outlet), or the file's name alone, dimmed (file: where claims of
    several such articles are told apart)."""
    if file_named is None:
        return Text(inert(name))
    if shown == "file":
        return Text(inert(file_named), "dim italic")
    text = Text(UNKNOWN_OUTLET, "italic")
    if shown == "whole":
        text.append_text(Text.assemble(" ", (inert(file_named), "dim")))
    return text


# The analyst's verdict on a claim or group, as the lists and cards show it.
VERDICT_STYLE = {"confirmed": "bold green", "disputed": "bold yellow", "false": "bold red",
                 "not_a_claim": "dim strike"}  # fmt: skip
VERDICT_SIGN = {"confirmed": "✓", "disputed": "?", "false": "✗", "not_a_claim": "–"}
NOTED = "✎"  # after a verdict: there is a note (the verdict dialog shows it)


def verdict_words(verdict: str | None, note: str = "") -> str:
    """ "disputed", "not a claim ✎" (with a note), "✎" (a note alone), or ""."""
    words = (verdict or "").replace("_", " ")
    return f"{words} {NOTED}".strip() if note else words


def date(published: str | None, raw: str | None = None) -> str:
    """The publication date, or the relative date as written, or a dash."""
    if published:
        return published
    if raw:
        return raw  # "1 month ago": as the page said it, never turned into a date
    return "—"
