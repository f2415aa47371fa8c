"""HTML -> main text: page furniture gone, h1-h6 kept as headings with their level."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimx.errors import InputError
from claimx.io.html import read_html
from conftest import HTML_ARTICLE

PATH = Path("page.html")


def _read(raw: str):
    article = read_html(raw, path=PATH, name="page.html")
    return article, [(article.text[h.start:h.end], h.level) for h in article.headings]


def test_html_main_text_without_furniture():
    article, headings = _read(HTML_ARTICLE)
    for furniture in ("NAV_TEXT", "COOKIE_TEXT", "FOOTER_TEXT", "SCRIPT_TEXT", "SCRIPT_AT_END", "tracker", "Accept"):
        assert furniture not in article.text
    assert "creatine improved short-term memory compared with placebo" in article.text
    assert headings == [("Creatine and the Ageing Brain", 1), ("What the trials found", 2), ("How it might work", 3)]
    assert "#" not in article.text
    assert article.format == "html"


def test_html_inline_markup_and_escapes_are_plain_text():
    article, headings = _read(
        "<html><body><article><h2>Omega-3 and <em>mood</em></h2>"
        "<p>Fish oil may <b>reduce</b> symptoms of depression; the snake_case_word and 2 * 3 stay literal "
        "in this paragraph, which is long enough to be kept as the article's main text.</p></article></body></html>")
    assert headings == [("Omega-3 and mood", 2)]
    assert "Fish oil may reduce symptoms of depression; the snake_case_word and 2 * 3 stay literal" in article.text


def test_html_fallback_drops_furniture_and_keeps_heading_levels(monkeypatch):
    monkeypatch.setattr("claimx.io.html._main_text_markdown", lambda raw: None)  # trafilatura gives up
    article, headings = _read(HTML_ARTICLE)
    assert article.warnings and article.warnings[0].startswith("W002")
    assert headings == [("Creatine and the Ageing Brain", 1), ("What the trials found", 2), ("How it might work", 3)]
    for furniture in ("NAV_TEXT", "COOKIE_TEXT", "FOOTER_TEXT", "SCRIPT_TEXT", "SCRIPT_AT_END"):
        assert furniture not in article.text
    assert "researchers think that higher creatine stores could buffer neurons" in article.text


@pytest.mark.parametrize("raw", ["<<<>>>", "<html><body><script>x()</script></body></html>", "<html></html>"])
def test_html_without_text_is_e009(raw):
    with pytest.raises(InputError) as info:
        read_html(raw, path=PATH, name="page.html")
    assert info.value.code == "E009"
    assert info.value.path == "page.html"


def test_html_fallback_text_without_block_elements(monkeypatch):
    monkeypatch.setattr("claimx.io.html._main_text_markdown", lambda raw: None)
    article, headings = _read("<html><body><div>Ketamine  eased pain\nin a <i>small</i> trial.</div>"
                              "<script>SCRIPT_TEXT</script></body></html>")
    assert article.text == "Ketamine eased pain in a small trial."
    assert headings == []


def test_html_tables_are_kept_as_rows():
    # trafilatura drops tables unless asked: a comparison table's claims would be lost
    cells = "".join(f"<tr><td>{drug} cream</td><td>Eases itching within {n} days in most users</td></tr>"
                    for drug, n in (("Hydrocortisone", "three"), ("Crotamiton", "five")))
    prose = "<p>" + "Itchy skin is one of the commonest reasons people ask a pharmacist for advice. " * 4 + "</p>"
    raw = (f"<html><body><nav>Home</nav><article><h1>Creams for itchy skin</h1>{prose}"
           f"<table><tr><th>Cream</th><th>Effect</th></tr>{cells}</table>{prose}</article></body></html>")
    article = read_html(raw, path=PATH, name="page.html")
    rows = [article.text[r.start:r.end] for r in article.table_rows]
    assert "Hydrocortisone cream\nEases itching within three days in most users" in rows
    assert "Crotamiton cream\nEases itching within five days in most users" in rows


def test_html_layout_table_is_read_as_blocks():
    # an old page laid out with a table: navigation in one cell, the article in another
    prose = "Pharmacists say most children with head lice are cleared by two careful combings a week apart. " * 3
    raw = ("<html><body><table><tr><td><a href='/'>Home</a><br><a href='/shop'>Shop</a></td>"
           f"<td><h1>Clearing head lice</h1><p>{prose}</p><p>{prose}</p></td></tr></table></body></html>")
    article = read_html(raw, path=PATH, name="page.html")
    assert [article.text[h.start:h.end] for h in article.headings] == ["Clearing head lice"]
    assert "|" not in article.text and "Shop" not in article.text and not article.table_rows
