"""The whole analysis of one article, as the store needs it."""

from __future__ import annotations

from dataclasses import dataclass

from extract.article import Article, parse_article
from extract.claims import Claim, extract_claims
from extract.documents import Metadata
from extract.entities import Mention, find_mentions
from extract.sentences import Sentence, split_sentences


@dataclass(frozen=True)
class Analysis:
    article: Article
    sentences: list[Sentence]
    claims: list[Claim]
    mentions: list[Mention]


def analyse_article(raw: str, fallback_source: str = "", meta: Metadata | None = None) -> Analysis:
    """Metadata, sentences, claims and entity mentions of one article's raw text, with
    what its format said of it (`meta`)."""
    article = parse_article(raw, fallback_source, meta)
    sentences = split_sentences(article.body)
    mentions = find_mentions(article.body, sentences)
    return Analysis(
        article=article,
        sentences=sentences,
        claims=extract_claims(article.body, sentences, mentions, article.published),
        mentions=mentions,
    )
