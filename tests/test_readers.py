"""Reading articles from every supported format, and one clear error per bad input."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.readers import ReadError, normalise_date, read_paths


def _read(*paths: Path) -> tuple[list, list[str]]:
    items = list(read_paths(paths))
    return [i for i in items if not isinstance(i, ReadError)], [str(i) for i in items if isinstance(i, ReadError)]


def test_jsonl_fields_and_fallbacks(tmp_path: Path) -> None:
    f = tmp_path / "news.jsonl"
    lines = [
        {"id": "x1", "title": "T1", "date": "2024-03-27T10:00:00Z", "source": "S", "url": "https://news.example/1", "text": "Amazon invested."},
        {"title": "T2", "published": "Wed, 27 Mar 2024 10:00:00 GMT", "body": "Body text here."},
        {"title": "T3", "content": "Content text."},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    arts, errs = _read(f)
    assert errs == []
    assert [a.title for a in arts] == ["T1", "T2", "T3"]
    assert arts[0].id == "x1" and arts[0].date == "2024-03-27" and arts[0].url == "https://news.example/1"
    assert arts[1].date == "2024-03-27" and arts[1].text == "Body text here."
    # missing id: derived from the content, stable across reads
    assert arts[1].id.startswith("h") and arts[1].id == _read(f)[0][1].id
    assert arts[2].text == "Content text."


def test_malformed_jsonl_line_is_reported_and_rest_read(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"id": "ok1", "text": "fine"}\n{not json\n{"id": "nobody"}\n[1, 2]\n{"id": "ok2", "text": "also fine"}\n', encoding="utf-8")
    arts, errs = _read(f)
    assert [a.id for a in arts] == ["ok1", "ok2"]
    assert len(errs) == 3
    assert errs[0].startswith(f"{f}:2: malformed JSON")
    assert errs[1] == f"{f}:3: missing field 'text' (or 'body'/'content')"
    assert errs[2] == f"{f}:4: expected a JSON object per line"


def test_text_and_markdown_title_is_first_non_empty_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n\n  Nvidia backs CoreWeave \nNvidia invested in CoreWeave.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Microsoft and Mistral\n\nMicrosoft took a **small stake** in [Mistral AI](https://x.example).\n", encoding="utf-8")
    arts, errs = _read(tmp_path)
    assert errs == []
    by_id = {a.id: a for a in arts}
    assert by_id["a"].title == "Nvidia backs CoreWeave" and by_id["a"].text == "Nvidia invested in CoreWeave."
    assert by_id["b"].title == "Microsoft and Mistral"
    assert by_id["b"].text == "Microsoft took a small stake in Mistral AI."


def test_html_main_text_and_title(tmp_path: Path) -> None:
    body = " ".join(["Amazon said on Monday that it would invest a further four billion dollars in Anthropic."] * 3)
    page = f"""<html><head><title>Amazon doubles down on Anthropic</title></head>
    <body><nav>Home | World | Tech</nav><article><h1>Amazon doubles down on Anthropic</h1>
    <p>{body}</p><p>Anthropic will train its models on AWS Trainium chips, the companies said.</p></article>
    <footer>Copyright Example News</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    arts, errs = _read(tmp_path / "page.html")
    assert errs == []
    assert arts[0].title == "Amazon doubles down on Anthropic"
    assert "Trainium" in arts[0].text and "Copyright" not in arts[0].text


def test_rss_and_atom_items(tmp_path: Path) -> None:
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Deal Wire</title>
    <item><title>One</title><link>https://news.example/one</link><guid>g1</guid>
    <pubDate>Mon, 25 Sep 2023 09:00:00 GMT</pubDate><description>&lt;p&gt;Amazon will invest in Anthropic.&lt;/p&gt;</description></item>
    <item><title>Two</title><link>https://news.example/two</link><description>Google backs Anthropic.</description></item>
    </channel></rss>"""
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
    <entry><title>Three</title><id>urn:x:3</id><updated>2024-01-25T00:00:00Z</updated>
    <content type="html">&lt;p&gt;The FTC opened an inquiry.&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "f.rss").write_text(rss, encoding="utf-8")
    (tmp_path / "g.atom").write_text(atom, encoding="utf-8")
    arts, errs = _read(tmp_path / "f.rss", tmp_path / "g.atom")
    assert errs == []
    assert [a.title for a in arts] == ["One", "Two", "Three"]
    assert arts[0].id == "g1" and arts[0].date == "2023-09-25" and arts[0].source == "Deal Wire"
    assert arts[0].text == "Amazon will invest in Anthropic."
    assert arts[2].date == "2024-01-25" and arts[2].text == "The FTC opened an inquiry."


def test_bad_files_each_get_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin.txt").write_bytes("Soci\xe9t\xe9 G\xe9n\xe9rale".encode("latin-1"))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "good.txt").write_text("Title\nSome text.", encoding="utf-8")
    items = list(read_paths([tmp_path / "missing.jsonl", *sorted(tmp_path.iterdir())]))
    errs = [str(i) for i in items if isinstance(i, ReadError)]
    arts = [i for i in items if not isinstance(i, ReadError)]
    assert [a.title for a in arts] == ["Title"]
    assert len(errs) == 5 and all("\n" not in e for e in errs)
    joined = "\n".join(errs)
    assert f"{tmp_path / 'missing.jsonl'}: no such file or folder" in joined
    assert f"{tmp_path / 'empty.txt'}: empty file" in joined
    assert f"{tmp_path / 'bin.txt'}: binary file, not text" in joined
    assert f"{tmp_path / 'latin.txt'}: not UTF-8 text" in joined
    assert f"{tmp_path / 'notes.docx'}: unknown file type '.docx'" in joined


def test_folder_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "b.txt").write_text("B\nbody b", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\nbody a", encoding="utf-8")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    arts, errs = _read(tmp_path)
    assert errs == [] and [a.title for a in arts] == ["A", "B"]


def test_normalise_date() -> None:
    assert normalise_date("2024-02-29") == "2024-02-29"
    assert normalise_date("2023-02-30") is None
    assert normalise_date("Tue, 07 Nov 2023 12:00:00 +0000") == "2023-11-07"
    assert normalise_date("next Tuesday") is None
    assert normalise_date(None) is None
