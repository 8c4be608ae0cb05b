"""Read articles from JSONL, text, Markdown, HTML and RSS/Atom files.

Readers never raise on bad input: each problem becomes a :class:`ReadError` naming the file
(and line) so the rest of the batch goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kg.model import Article, content_hash

TEXT_EXTENSIONS = {".txt", ".md", ".markdown"}
HTML_EXTENSIONS = {".html", ".htm"}
FEED_EXTENSIONS = {".xml", ".rss", ".atom"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_EXTENSIONS | HTML_EXTENSIONS | FEED_EXTENSIONS | JSONL_EXTENSIONS
MAX_FILE_BYTES = 20_000_000
MAX_TEXT_CHARS = 900_000  # below spaCy's default nlp.max_length


@dataclass(frozen=True)
class ReadError:
    """A problem with one input; ``str()`` is the one line shown to the user."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


Item = Article | ReadError


def normalise_date(value: object) -> str | None:
    """Dates become ISO ``YYYY-MM-DD``; unparseable dates are dropped, not guessed."""
    if value is None or value == "":
        return None
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        pass
    return None


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text.strip()


def make_article(
    *,
    text: str,
    title: str | None,
    id: str | None = None,
    date: object = None,
    source: str | None = None,
    url: str | None = None,
    origin: str,
) -> Article:
    text = _clean_text(text)
    title = (title or "").strip() or text.split("\n", 1)[0][:120]
    art_id = str(id).strip() if id not in (None, "") else "h" + content_hash(title, text)[:16]
    return Article(
        id=art_id,
        title=title,
        text=text,
        date=normalise_date(date),
        source=(source or None),
        url=(url or None),
        origin=origin,
    )


def _decode(path: Path) -> str | ReadError:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ReadError(str(path), f"cannot read file ({exc.strerror or exc})")
    if not raw.strip():
        return ReadError(str(path), "empty file")
    if len(raw) > MAX_FILE_BYTES:
        return ReadError(str(path), f"file larger than {MAX_FILE_BYTES // 1_000_000} MB")
    if b"\x00" in raw[:4096]:
        return ReadError(str(path), "binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadError(str(path), f"not UTF-8 text (byte {exc.start})")


def _check_length(article: Article) -> Item:
    if not article.text:
        return ReadError(article.origin or article.id, "article has no text")
    if len(article.text) > MAX_TEXT_CHARS:
        return ReadError(
            article.origin or article.id,
            f"article text has {len(article.text):,} characters, over the {MAX_TEXT_CHARS:,} limit",
        )
    return article


def read_jsonl(path: Path, text: str) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(origin, f"malformed JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield ReadError(origin, "expected a JSON object per line")
            continue
        body = next((obj[k] for k in ("text", "body", "content") if obj.get(k)), None)
        if not isinstance(body, str):
            yield ReadError(origin, "missing field 'text' (or 'body'/'content')")
            continue
        title = obj.get("title")
        if title is not None and not isinstance(title, str):
            yield ReadError(origin, "field 'title' must be a string")
            continue
        yield _check_length(
            make_article(
                text=body,
                title=title,
                id=obj.get("id"),
                date=obj.get("date") or obj.get("published"),
                source=obj.get("source"),
                url=obj.get("url"),
                origin=origin,
            )
        )


def read_text(path: Path, text: str) -> Iterator[Item]:
    lines = text.strip().splitlines()
    title = lines[0].lstrip("#").strip() if lines else ""
    body = "\n".join(lines[1:]).strip()
    if path.suffix.lower() in {".md", ".markdown"}:
        body = re.sub(r"^#{1,6}\s*", "", body, flags=re.M)
        body = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", body)
        body = re.sub(r"[*_`]{1,3}([^*_`]+)[*_`]{1,3}", r"\1", body)
    yield _check_length(make_article(text=body, title=title, id=path.stem, origin=str(path)))


def read_html(path: Path, text: str) -> Iterator[Item]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        yield ReadError(str(path), f"cannot extract text from HTML ({type(exc).__name__})")
        return
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        yield ReadError(str(path), "no article text found in HTML")
        return
    yield _check_length(
        make_article(
            text=body,
            title=getattr(doc, "title", None),
            id=path.stem,
            date=getattr(doc, "date", None),
            source=getattr(doc, "sitename", None),
            url=getattr(doc, "url", None),
            origin=str(path),
        )
    )


def read_feed(path: Path, text: str) -> Iterator[Item]:
    import feedparser

    # Parse from a string so feedparser never fetches anything; DTDs are not resolved.
    feed = feedparser.parse(text, resolve_relative_uris=False, sanitize_html=True)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield ReadError(str(path), f"no RSS/Atom items found{reason}".splitlines()[0])
        return
    source = feed.feed.get("title")
    for i, entry in enumerate(feed.entries, start=1):
        origin = f"{path}#item{i}"
        raw = ""
        if entry.get("content"):
            raw = entry.content[0].get("value", "")
        raw = raw or entry.get("summary", "") or entry.get("description", "")
        body = _html_to_text(raw)
        if not body:
            yield ReadError(origin, "item has no text")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        when = datetime(*published[:6]).date().isoformat() if published else entry.get("published")
        yield _check_length(
            make_article(
                text=body,
                title=entry.get("title"),
                id=entry.get("id") or entry.get("link"),
                date=when,
                source=source,
                url=entry.get("link"),
                origin=origin,
            )
        )


def _html_to_text(fragment: str) -> str:
    import html

    text = re.sub(r"(?i)<br\s*/?>|</p>", "\n\n", fragment)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


READERS = {
    **{ext: read_jsonl for ext in JSONL_EXTENSIONS},
    **{ext: read_text for ext in TEXT_EXTENSIONS},
    **{ext: read_html for ext in HTML_EXTENSIONS},
    **{ext: read_feed for ext in FEED_EXTENSIONS},
}


def read_file(path: Path) -> Iterator[Item]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield ReadError(
            str(path),
            f"unknown file type {path.suffix or '(none)'!r}; expected one of "
            + ", ".join(sorted(SUPPORTED)),
        )
        return
    text = _decode(path)
    if isinstance(text, ReadError):
        yield text
        return
    yield from reader(path, text)


def read_bytes(name: str, data: bytes, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """Articles from an uploaded file's name and bytes (the app's upload path; never touches disk)."""
    path = Path(Path(name).name or "upload")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield ReadError(str(path), f"unknown file type {path.suffix or '(none)'!r}; expected one of "
                        + ", ".join(sorted(SUPPORTED)))
        return
    if not data.strip():
        yield ReadError(str(path), "empty file")
        return
    if len(data) > max_bytes:
        yield ReadError(str(path), f"file larger than {max_bytes / 1_000_000:g} MB")
        return
    if b"\x00" in data[:4096]:
        yield ReadError(str(path), "binary file, not text")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield ReadError(str(path), f"not UTF-8 text (byte {exc.start})")
        return
    yield from reader(path, text)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Expand folders recursively (supported extensions only, sorted for determinism)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            if not found:
                yield ReadError(str(path), "folder holds no supported files")
            yield from found
        elif path.exists():
            yield path
        else:
            yield ReadError(str(path), "no such file or folder")


def read_paths(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every article under ``paths``, with a ReadError in place of each bad file or line."""
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_file(item)
