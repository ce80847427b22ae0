"""Download pages (or feeds) by their addresses and import them as files are imported.

One request at a time, politely: a user agent that names claimdiff, a deadline for the whole
page, a size limit, redirects followed (urllib's own, at most 10) and the page's final
address kept as its provenance. A page that cannot be fetched or read, or came cut short,
is named with the reason; the others import. What a server says (its reason phrase, its
headers) is shown escaped, never acted on (importer.Failure).
"""

from __future__ import annotations

import hashlib
import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Collection, Iterable, Iterator
from email.message import Message
from http.client import HTTPMessage
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import urlsplit

from extract import DecodeError
from extract.documents import Document, FormatError, Problem, documents, html_document
from store.importer import (
    MAX_BYTES,
    PRESENT,
    Failure,
    ImportReport,
    Outcome,
    Progress,
    analyse_documents,
    decode_text,
    store_outcomes,
)
from store.library import Library

TIMEOUT = 20.0  # seconds for a whole page: to connect, be answered and receive it all
try:
    _VERSION = version("claimdiff")
except PackageNotFoundError:  # run from a checkout without installing
    _VERSION = "dev"
USER_AGENT = f"claimdiff/{_VERSION} (a news reader comparing sources; one request at a time)"
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


def fetch_urls(
    library: Library,
    urls: Iterable[str],
    progress: Progress | None = None,
    report: ImportReport | None = None,
    timeout: float = TIMEOUT,
) -> ImportReport:
    """Download each address and import its article (or a feed's); never raises for a bad
    page. Pages are written in batches and the claims regrouped, as an import does."""
    urls = list(urls)
    report = report if report is not None else ImportReport()
    seen = library.file_hashes()
    pages = ((url, fetch_page(url, seen, timeout)) for url in urls)
    store_outcomes(library, pages, len(urls), report, progress)
    return report


def fetch_page(
    url: str, seen: Collection[str] = frozenset(), timeout: float = TIMEOUT
) -> list[Outcome]:
    """One address's articles, already analysed, or why there are none."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [Failure(url, "not a web address (expected http:// or https://)")]
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    deadline = time.monotonic() + timeout
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            final, headers = response.geturl(), response.headers
            data = _receive(response, deadline)
    except _TooSlow as slow:
        return [Failure(url, f"not received whole within {timeout:g} s ({slow.got:,} bytes came)")]
    except urllib.error.HTTPError as exc:
        if isinstance(exc.reason, _Elsewhere):
            return [Failure(url, f"the server sent it to {exc.reason}, which is not http or https")]
        if 300 <= exc.code < 400:  # urllib's own words take three lines
            return [Failure(url, f"the server answered {exc.code}: too many redirects, or a loop")]
        return [Failure(url, f"the server answered {exc.code} {exc.reason}")]
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            return [Failure(url, f"no answer within {timeout:g} s")]
        return [Failure(url, f"cannot reach it ({getattr(reason, 'strerror', None) or reason})")]
    except TimeoutError:
        return [Failure(url, f"no answer within {timeout:g} s")]
    except (OSError, ValueError, http.client.HTTPException) as exc:  # reset, malformed, cut
        return [Failure(url, f"cannot fetch it ({type(exc).__name__}: {exc})")]
    if len(data) > MAX_BYTES:
        return [Failure(url, f"larger than {MAX_BYTES // (1024 * 1024)} MB: not an article")]
    promised = headers.get("Content-Length", "")
    if promised.isdigit() and len(data) < int(promised):
        got = f"{len(data):,} of {int(promised):,} bytes"
        return [Failure(url, f"the connection closed before the page was whole ({got} came)")]
    page_hash = hashlib.sha256(data).hexdigest()
    if page_hash in seen:
        return [PRESENT]
    try:
        found = list(_documents_of(data, headers, final))
    except (DecodeError, FormatError) as exc:
        return [Failure(url, str(exc))]
    return analyse_documents(final, found, urlsplit(final).hostname or final, page_hash)


class _Elsewhere(str):
    """Where a redirect pointed that is not a web address (an ftp:// or file:// one)."""


class _WebOnly(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to http and https addresses only; urllib also goes to ftp."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str,
        headers: HTTPMessage, newurl: str,
    ) -> urllib.request.Request | None:  # fmt: skip
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, _Elsewhere(newurl), headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_WebOnly)


class _TooSlow(Exception):
    """The page did not come whole by its deadline (a server sending a byte at a time)."""

    def __init__(self, got: int) -> None:
        super().__init__()
        self.got = got


def _receive(response: http.client.HTTPResponse, deadline: float) -> bytes:
    """The page's bytes, up to one more than MAX_BYTES, by the deadline: each read waits at
    most for the time left, so a server trickling bytes cannot hold the fetch."""
    sock = getattr(getattr(response.fp, "raw", None), "_sock", None)  # urllib keeps it there
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _TooSlow(size)
        if isinstance(sock, socket.socket):
            sock.settimeout(left)
        try:
            chunk = response.read1(MAX_BYTES + 1 - size)
        except TimeoutError as exc:
            raise _TooSlow(size) from exc
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _documents_of(data: bytes, headers: Message, url: str) -> Iterator[Document | Problem]:
    """What a page holds, by the type the server gave it (else by its address)."""
    kind = headers.get_content_type()
    charset = headers.get_content_charset()
    try:
        text = data.decode(charset) if charset else decode_text(data)
    except (LookupError, UnicodeDecodeError):
        text = decode_text(data)
    if not text.strip():
        raise DecodeError("an empty page")
    path = urlsplit(url).path.lower()
    if "rss" in kind or "atom" in kind or kind in ("application/xml", "text/xml"):
        yield from documents(text, "feed")
    elif kind == "application/json" or path.endswith(".json"):
        yield from documents(text, "json")
    elif kind == "text/plain":
        yield Document(text)
    else:
        yield html_document(text, url)
