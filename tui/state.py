"""The reader's state as small typed values: what it is filtered by, and where a claim is.

The reader screen owns them and passes them down: the store's `ClaimFilter` to workers and
dialogs, a `ClaimPlace` to the article view. No Textual here; each value is replaced, never
changed, so a reactive holding one sees every change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from store.filtering import NO_VERDICT, ClaimFilter  # by its module: ruff knows it is immutable

if TYPE_CHECKING:
    from store import Comparable

# The parts of a filter set by the search box or the filter dialog, as the user names them.
Part = Literal["query", "sources", "kinds", "hedges", "dates", "verdicts"]
_CHOSEN: tuple[Part, ...] = ("sources", "kinds", "hedges", "verdicts", "dates")  # dialog order
_RESTORED: tuple[Part, ...] = (*_CHOSEN, "query")
_CLEARED: dict[Part, dict[str, Any]] = {
    "query": {"query": None},
    "sources": {"sources": frozenset()},
    "kinds": {"kinds": frozenset()},
    "hedges": {"hedges": frozenset()},
    "dates": {"since": None, "until": None},
    "verdicts": {"verdicts": frozenset()},
}


@dataclass(frozen=True)
class Entity:
    """An entity the claims must name, with the name it was chosen under."""

    id: int
    name: str


@dataclass(frozen=True)
class ReaderFilter:
    """What the reader is narrowed to: the store's filter, and the order its parts were set
    in, oldest first, so that escape takes off the part set last."""

    claims: ClaimFilter = ClaimFilter()
    order: tuple[Part | Entity, ...] = ()

    @classmethod
    def restored(cls, saved: ClaimFilter) -> ReaderFilter:
        """The filters saved last time (settings keep no entity), set in a fixed order."""
        kept = ReaderFilter(saved)
        for part in _RESTORED:
            kept = kept._ordered(part)
        return kept

    @property
    def is_empty(self) -> bool:
        return self.claims.is_empty

    @property
    def last_entity(self) -> int | None:
        """The entity chosen last, where the entities list keeps its cursor."""
        return next((p.id for p in reversed(self.order) if isinstance(p, Entity)), None)

    def listed(self, article_id: int | None) -> ClaimFilter:
        """What the claims pane lists: the filter, or the open article's when unfiltered."""
        return ClaimFilter(article_id=article_id or -1) if self.is_empty else self.claims

    def searched(self, query: str | None) -> ReaderFilter:
        return replace(self, claims=replace(self.claims, query=query))._ordered("query")

    def chosen(self, f: ClaimFilter) -> ReaderFilter:
        """The sources, kinds, hedges and dates chosen in the filter dialog."""
        picked = replace(self, claims=f)
        for part in _CHOSEN:
            picked = picked._ordered(part)
        return picked

    def toggled(self, entity: Entity) -> ReaderFilter:
        """With the entity added (claims must name them all), or taken off."""
        ids = self.claims.entity_ids ^ {entity.id}
        order = tuple(p for p in self.order if not (isinstance(p, Entity) and p.id == entity.id))
        if entity.id in ids:
            order += (entity,)
        return ReaderFilter(replace(self.claims, entity_ids=ids), order)

    def without_last(self) -> ReaderFilter:
        """Escape: the part set last taken off."""
        if not self.order:
            return self
        *order, last = self.order
        if isinstance(last, Entity):
            claims = replace(self.claims, entity_ids=self.claims.entity_ids - {last.id})
        else:
            claims = replace(self.claims, **_CLEARED[last])
        return ReaderFilter(claims, tuple(order))

    def renamed(self, old: str, new: str) -> ReaderFilter:
        """A source renamed in the library: a filter by its old name follows it."""
        if old not in self.claims.sources:
            return self
        sources = (self.claims.sources - {old}) | {new}
        return replace(self, claims=replace(self.claims, sources=sources))

    def labels(self) -> list[str]:
        """Each part as the filters bar shows it, in the order they were set."""
        f = self.claims
        shown = {
            "query": f"search: {f.query}",
            "sources": "source: " + ", ".join(sorted(f.sources)),
            "kinds": "kind: " + ", ".join(sorted(f.kinds)),
            "hedges": "hedge: " + ", ".join(h.replace("_", " ") for h in sorted(f.hedges)),
            "dates": f"published: {f.since or '…'} to {f.until or '…'}",
            "verdicts": "verdict: "
            + ", ".join(
                "no verdict" if v == NO_VERDICT else v.replace("_", " ") for v in sorted(f.verdicts)
            ),
        }
        return [f"entity: {p.name}" if isinstance(p, Entity) else shown[p] for p in self.order]

    def _ordered(self, part: Part) -> ReaderFilter:
        """The part moved to the end of the order if it is set, else left out of it."""
        order = tuple(p for p in self.order if p != part)
        if _is_set(self.claims, part):
            order += (part,)
        return replace(self, order=order)


def _is_set(f: ClaimFilter, part: Part) -> bool:
    values = {"query": f.query, "sources": f.sources, "kinds": f.kinds, "hedges": f.hedges,
              "dates": f.since or f.until, "verdicts": f.verdicts}  # fmt: skip
    return bool(values[part])


@dataclass(frozen=True)
class ClaimPlace:
    """Where a claim is shown: its article, and its sentence's and figure's (start, end)
    in the article's body."""

    claim_id: int
    article_id: int
    sentence: tuple[int, int]
    figure: tuple[int, int]


def place_of_compared(claim: Comparable) -> ClaimPlace:
    """Where a claim of the discrepancy view is, its offsets in the body as everywhere."""
    return ClaimPlace(claim.id, claim.article, (claim.start, claim.start + len(claim.sentence)),
                      (claim.span_start, claim.span_end))  # fmt: skip
