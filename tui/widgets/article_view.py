"""The article pane: the text with its figures and names highlighted, as a line-API view.

Article text is untrusted, so it only ever becomes a `rich.text.Text` (never markup) with
styles laid on by offset. Wrapping is done here, so a claim's character offset maps to a line
and the view can scroll straight to it.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from extract.text import inert
from store import ArticleDetail
from tui.format import date, entity_classes, entity_css, readable, source

NAMED = ("person", "org", "place")  # the entity types marked in the text
LINE = Binding.Group("scroll a line")  # keys the help shows on one line, with these words
PAGE = Binding.Group("page down / up")
ENDS = Binding.Group("top / bottom")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of text into (start, end) offsets, one pair per screen line."""
    lines: list[tuple[int, int]] = []
    width = max(width, 8)
    start = 0
    for paragraph in text.split("\n"):
        end_of_paragraph = start + len(paragraph)
        line_start = start
        while cell_len(text[line_start:end_of_paragraph]) > width:
            cut = line_start
            used = 0
            last_space = -1
            for i in range(line_start, end_of_paragraph):
                used += cell_len(text[i])
                if used > width:
                    break
                if text[i] == " ":
                    last_space = i
                cut = i + 1
            if last_space > line_start:
                cut = last_space + 1  # the space stays at the end of the line
            lines.append((line_start, cut))
            line_start = cut
        lines.append((line_start, end_of_paragraph))
        start = end_of_paragraph + 1
    return lines


class ArticleView(ScrollView, can_focus=True):
    """Shows one article; `show_claim` scrolls to a claim and marks its sentence."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--figure",
        "article-view--figure-loose",
        "article-view--figure-bound",
        "article-view--statement",
        "article-view--selected",
        "article-view--found",
    } | entity_classes("article-view")
    DEFAULT_CSS = """
    ArticleView { padding: 0 1; scrollbar-gutter: stable; }
    ArticleView > .article-view--title { text-style: bold; color: $text; }
    ArticleView > .article-view--meta { color: $text-muted; }
    /* Figures, the point of the reading, stand out most: bold, on a tint of their own;
       a hedged one ("about", "at most") in italics. Red is left for conflicts. */
    ArticleView > .article-view--figure {
        text-style: bold; color: $warning; background: $warning 15%;
    }
    ArticleView > .article-view--figure-loose {
        text-style: bold italic; color: $warning; background: $warning 15%;
    }
    ArticleView > .article-view--figure-bound {
        text-style: bold italic; color: $warning; background: $warning 15%;
    }
    ArticleView > .article-view--statement { text-style: bold underline; color: $text-accent; }
    ArticleView > .article-view--selected { background: $primary 30%; }
    ArticleView > .article-view--found { background: $accent 35%; text-style: underline; }
    """ + entity_css("ArticleView", "article-view")
    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="article.down", group=LINE),
        Binding("k,up", "scroll_up", "Up", show=False, id="article.up", group=LINE),
        Binding(
            "space,pagedown",
            "page_down",
            "Page down",
            show=False,
            id="article.page_down",
            group=PAGE,
        ),
        Binding("b,pageup", "page_up", "Page up", show=False, id="article.page_up", group=PAGE),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top", group=ENDS),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom", group=ENDS),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: ArticleDetail | None = None
        self.selected: tuple[int, int] | None = None  # body offsets of the chosen sentence
        self.found: list[tuple[int, int]] = []  # body offsets of the words a search finds
        self.placeholder = "No article selected."
        self._text = Text()
        self._body_offset = 0
        self._lines: list[tuple[int, int]] = []
        self._strips: dict[int, Strip] = {}
        self._wrapped_width = -1

    def show_article(
        self, article: ArticleDetail | None, found: list[tuple[int, int]] | None = None
    ) -> None:
        """Show an article from its top, the words a search finds in it marked."""
        self.article = article
        self.found = found or []
        self.selected = None
        self._rebuild()
        self.scroll_to(y=0, animate=False)

    def show_claim(self, sentence: tuple[int, int], figure: tuple[int, int]) -> None:
        """Mark a claim's sentence and bring its figure into view."""
        self.selected = sentence
        self._rebuild()
        # After the next refresh the view has its real size (not so while the screen is
        # still being laid out), so whether the figure is in view is known for sure.
        self.call_after_refresh(self._bring_into_view, self._body_offset + figure[0])

    def _bring_into_view(self, offset: int) -> None:
        self._rewrap()
        line = self._line_of(offset)
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if not top <= line < top + height - 1:
            self.scroll_to(y=max(0, line - height // 3), animate=False)

    def _line_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self._lines):
            if start <= offset <= end:
                return index
        return 0

    def _rebuild(self) -> None:
        self._text = self._compose_text()
        self._wrapped_width = -1
        self._rewrap()

    def _compose_text(self) -> Text:
        article = self.article
        if article is None:
            return Text(self.placeholder, style=self.get_component_rich_style("article-view--meta"))
        style = self.get_component_rich_style
        text = Text()
        text.append(inert(article.title).replace("\n", " "), style=style("article-view--title"))
        meta = [date(article.published, article.published_raw)]
        if article.author:
            meta.append(f"by {article.author}")
        if article.partial:
            meta.append("summary only: its source did not carry the whole article")
        outlet = source(article.source, article.file_named)
        if article.file_named:
            outlet.append(" (R names it)", "dim")
        outlet.append(" · " + inert(" · ".join(meta)).replace("\n", " "))
        outlet.stylize(style("article-view--meta"))
        text.append("\n")
        text.append_text(outlet)
        if article.url:  # on a line of its own, to read and copy whole (o opens it)
            text.append("\n" + inert(article.url).replace("\n", " "),
                        style=style("article-view--meta") + Style(underline=True))  # fmt: skip
        text.append("\n\n")
        self._body_offset = len(text)
        text.append(inert(article.body))
        base = self._body_offset
        if self.selected:
            text.stylize(
                style("article-view--selected"), base + self.selected[0], base + self.selected[1]
            )
        background = self.rich_style.bgcolor
        # Names first, then the figures over them: "several thousand North Korean soldiers"
        # is one figure, in a figure's colours throughout.
        for span in sorted(article.spans, key=lambda span: span.kind not in NAMED):
            name = f"article-view--{span.kind}"  # figures by hedge, statements, names
            if span.kind in NAMED:  # people, organisations, places: as the entities pane
                named = readable(Style(color=style(name).color), background)
                text.stylize(named, base + span.start, base + span.end)
            elif name in self.COMPONENT_CLASSES:
                shown = style(name)
                text.stylize(readable(shown, shown.bgcolor), base + span.start, base + span.end)
        # Over the spans' colours: only a background and a line, so a figure stays a figure.
        found = style("article-view--found")
        for start, end in self.found:
            text.stylize(Style(bgcolor=found.bgcolor, underline=True), base + start, base + end)
        return text

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width or self.size.width or 80
        if width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._lines = wrap_offsets(self._text.plain, width)
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def on_resize(self) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._rebuild()

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            start, end = self._lines[index]
            line = self._text[start:end]
            line.rstrip()
            segments = [
                Segment(s.text, base + s.style if s.style else base)
                for s in line.render(self.app.console)
            ]
            strip = Strip(segments).extend_cell_length(width, base).crop(0, width)
            self._strips[index] = strip
        return strip
