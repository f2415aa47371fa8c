"""Markdown -> plain text: markup removed, headings with their level and exact offsets."""
from __future__ import annotations

import pytest

from claimx.io.markdown import inline_to_text, markdown_to_article_text


def markdown_to_text(markdown: str):
    """Text and headings only; the table tests below unpack the rows too."""
    text, headings, _ = markdown_to_article_text(markdown)
    return text, headings


def _headings(markdown: str) -> list[tuple[str, int]]:
    text, headings = markdown_to_text(markdown)
    return [(text[h.start:h.end], h.level) for h in headings]


def test_markdown_atx_and_setext_headings():
    source = (
        "Title of the Piece\n"
        "==================\n"
        "\n"
        "Intro paragraph.\n"
        "\n"
        "## Second *level* ##\n"
        "Body.\n"
        "\n"
        "Setext two\n"
        "----------\n"
        "###### Six\n"
        "#NoSpaceIsNotAHeading\n"
        "Learning C#\n"
    )
    assert _headings(source) == [("Title of the Piece", 1), ("Second level", 2), ("Setext two", 2), ("Six", 6)]
    text, _ = markdown_to_text(source)
    assert "#NoSpaceIsNotAHeading" in text
    assert "Learning C#" in text
    assert "===" not in text and "---" not in text


@pytest.mark.parametrize("markdown,plain", [
    ("Some *emphasis*, **strong** and ***both***.", "Some emphasis, strong and both."),
    ("An _underscored_ and __double__ word.", "An underscored and double word."),
    ("snake_case_name and 2 * 3 * 4 stay", "snake_case_name and 2 * 3 * 4 stay"),
    (r"Escaped \*stars\* and snake\_case", "Escaped *stars* and snake_case"),
    ("A [link](https://example.org \"title\") and [ref link][1].", "A link and ref link."),
    ("An image ![alt text](a.png) here.", "An image alt text here."),
    ("Code `a*b*c` stays literal.", "Code a*b*c stays literal."),
    ("Autolink <https://example.org/x> and <b>tags</b><br/>.", "Autolink https://example.org/x and tags."),
    ("Footnote ref[^1] and ~~struck~~ text.", "Footnote ref and struck text."),
    ("Entities &amp; &eacute; &#233; but AT&T stays.", "Entities & é é but AT&T stays."),
    ("**_Nested_ emphasis**", "Nested emphasis"),
])
def test_markdown_inline_markup_removed(markdown, plain):
    assert inline_to_text(markdown) == plain


def test_markdown_blocks_lists_quotes_code_front_matter():
    source = (
        "---\n"
        "title: Not text\n"
        "---\n"
        "- first item\n"
        "* [x] done item\n"
        "12. numbered item\n"
        "> > nested quote\n"
        "\n"
        "```python\n"
        "print('code is dropped')\n"
        "```\n"
        "\n"
        "* * *\n"
        "[1]: https://example.org/reference\n"
        "Last line.\n"
    )
    text, headings = markdown_to_text(source)
    assert text.split("\n") == ["first item", "done item", "numbered item", "nested quote", "", "", "", "",
                                "Last line.", ""]
    assert headings == []


def test_markdown_heading_offsets_are_exact_in_output_text():
    source = "# **Bold** title\n\nPara with [a link](x) before.\n\n  ### Indented _third_  \nEnd.\n"
    text, headings = markdown_to_text(source)
    assert [text[h.start:h.end] for h in headings] == ["Bold title", "Indented third"]
    assert [h.level for h in headings] == [1, 3]
    assert "Para with a link before." in text


def test_markdown_table_rows_are_paragraphs_and_cells_are_lines():
    from claimx.io.markdown import markdown_to_article_text

    source = ("Intro.\n\n| Remedy | What it does |\n|:---|---:|\n| **Senna** tablets | Makes the bowel \\| gut squeeze |\n"
              "Saline drops | Clears the nose\n\nAfter the table.")
    text, headings, rows = markdown_to_article_text(source)
    assert "|" not in text.replace("bowel | gut", "")  # only the escaped pipe is left
    assert [text[r.start:r.end] for r in rows] == ["Remedy\nWhat it does", "Senna tablets\nMakes the bowel | gut squeeze",
                                                  "Saline drops\nClears the nose"]
    assert [r.header for r in rows] == [True, False, False]
    # rows are paragraphs of their own: a blank line after each
    assert "Makes the bowel | gut squeeze\n\n" in text and text.endswith("After the table.")
    assert headings == []


def test_markdown_pipes_without_a_delimiter_row_are_text():
    from claimx.io.markdown import markdown_to_article_text

    text, _, rows = markdown_to_article_text("Either | or\nstays as written")
    assert rows == [] and text == "Either | or\nstays as written"
