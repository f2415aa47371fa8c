"""Plain-text headings by line shape: titles and section headings, never body lines."""
from __future__ import annotations

import pytest

from claimx.io.text import find_text_headings, looks_like_heading

ARTICLE = """Vitamin D and Winter Blues: What We Know
By Sam Carter, Science Writer
12 January 2025
Introduction
Vitamin D is made in the skin under sunlight, and levels fall in winter. Some researchers think this fall may contribute to seasonal mood changes.
Why might it matter?
Receptors for vitamin D are found in brain regions that regulate mood, which makes a link plausible.
Signs of deficiency include:
Fatigue
Bone pain
Low mood and irritability
A blood test can confirm a deficiency, and doctors usually recommend a supplement in that case.
“It is not a cure,” said one psychiatrist.
2. What the trials show
Large randomised trials have mostly found no effect of vitamin D on depression in people who are not deficient.
Bottom Line
Vitamin D is cheap and safe at normal doses, but it is no substitute for treatment.
Sources
Smith 2020
Jones 2021
"""


def _found(text: str) -> list[str]:
    return [text[h.start:h.end] for h in find_text_headings(text)]


def test_text_headings_title_sections_and_questions():
    assert _found(ARTICLE) == [
        "Vitamin D and Winter Blues: What We Know",  # the title line
        "Introduction",  # last line of the opening block, after byline and date
        "Why might it matter?",
        "2. What the trials show",
        "Bottom Line",
    ]


def test_text_headings_never_bylines_dates_lists_or_trailing_references():
    found = set(_found(ARTICLE))
    for body in ("By Sam Carter, Science Writer", "12 January 2025", "Fatigue", "Bone pain",
                 "Low mood and irritability", "Sources", "Smith 2020", "Jones 2021"):
        assert body not in found


def test_text_heading_offsets_exclude_surrounding_spaces():
    text = "  Padded Title  \nBody text that is clearly a sentence of the article.\n"
    headings = find_text_headings(text)
    assert [(text[h.start:h.end], h.level) for h in headings] == [("Padded Title", 1)]


def test_text_framed_heading_offsets_are_its_words():
    # written for claimx: a news agency's round-up frames each story's headline in rules
    text = ("HEALTH NEWS IN BRIEF\n\nLONDON (Agency) - Summaries of recent studies follow.\n\n"
            "-- Diabetes pills linked to fewer gout flares --\n\nPeople taking the pills had fewer flares.\n")
    assert _found(text) == ["HEALTH NEWS IN BRIEF", "Diabetes pills linked to fewer gout flares"]


def test_text_body_only_article_has_no_headings():
    text = "Ketamine may ease pain. It is cheap.\nA second paragraph, also plain body text.\n"
    assert find_text_headings(text) == []


@pytest.mark.parametrize("line,expected", [
    ("Tackling Chronic Pain Syndromes", True),
    ("Could It Slow Aging?", True),
    ("3 Ways to Sleep Better", True),
    ("ketamine and pain", False),  # lower-case start
    ("This line ends like a sentence.", False),
    ("Symptoms include:", False),
    ("- a bullet item", False),
    ("• Bullet Item", False),
    ("-- Diabetes pills linked to fewer gout flares --", True),  # a wire story's framed subhead
    ("== Results ==", True),
    ("-- and then it stopped --", False),  # the words inside the frame decide
    ("-- Diabetes pills linked to fewer gout flares", False),  # a rule on one side is no frame
    ("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen", False),
])
def test_text_looks_like_heading(line, expected):
    assert looks_like_heading(line) is expected


def test_text_shared_ketamine_article_headings(shared_dir):
    path = shared_dir / "articles" / "ketamine-beyond-depression.txt"
    if not path.is_file():
        pytest.skip("shared ketamine article not available")
    text = path.read_text(encoding="utf-8")
    expected = [
        "Introduction",
        "Alleviating Post-Traumatic Stress Disorder (PTSD)",
        "Tackling Chronic Pain Syndromes",
        "Addressing Severe Anxiety Disorders",
        "Emerging Hope for Obsessive-Compulsive Disorder (OCD)",
        "Support in Substance Use Disorders",
        "Conclusion",
    ]
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["Ketamine may reduce PTSD symptoms", "Ketamine for Depression\n"])
def test_text_single_line_is_not_a_title(text):
    assert find_text_headings(text) == []


RECORD = """ALLERGY CLINIC STUDY RECORD
Study code: ACS-114
Status: Completed

Brief summary:
Adults with grass-pollen allergy took a daily tablet for two summers.

Outcome measures:
1. Symptom score in June
2. Rescue medicine use
3. Days off work
4. Eye symptoms in July

Common side effects include:
an itchy mouth and a sore throat.

Background and rationale:
Tablets of this kind have reduced symptoms in earlier trials.
"""


def test_text_label_lines_head_sections_but_fields_and_list_items_do_not():
    found = [RECORD[h.start:h.end] for h in find_text_headings(RECORD)]
    # a label on a line of its own heads what follows; a lead-in to a list does not
    assert "Brief summary:" in found and "Outcome measures:" in found and "Background and rationale:" in found
    assert "Common side effects include:" not in found
    # the record's fields and the numbered items are no headings
    assert not any(line.startswith(("Status", "Study code", "3.", "2.")) for line in found)


def test_text_label_inside_a_masthead_is_no_heading():
    release = ("FOR IMMEDIATE RELEASE\nNew gel eases cold sores, trial finds\nContact:\nJo Bloggs, press office\n"
               "Honey Lane Hospital ran the trial in 200 adults, and the gel halved healing time.\n")
    found = [release[h.start:h.end] for h in find_text_headings(release)]
    assert "Contact:" not in found and "New gel eases cold sores, trial finds" in found


def test_text_capitals_heading_over_a_headline_byline_and_date():
    # written for claimx: an abstract's last section, then a news story under a capitals
    # heading with its headline, byline and date; the news story is not the funding section
    page = ("FUNDING: Northern Health Research Fund.\n\nIN THE NEWS\n\n"
            "Two-week pill lifts low mood faster than standard tablets\n\n"
            "By Ann Reporter, Science Desk\nThursday 26 November 2026\n\n"
            "A pill taken for two weeks relieved depression more quickly than sertraline.\n")
    assert "IN THE NEWS" in _found(page)


def test_text_capitals_heading_after_other_short_lines():
    # written for claimx: a letter's sign-off, then a references heading over its list; a
    # newsletter's contents list, then its first section in capitals
    letter = ("Dear Dr Patel,\n\nThank you for your question about the tablets and your patient's periods.\n\n"
              "Yours sincerely\n\nJane Doe MPharm\nMedical Information Pharmacist\n\nREFERENCES\n\n"
              "1. Smith J, et al. Heavy bleeding: a trial. J Gynaecol 2019;41:301-22.\n")
    assert "REFERENCES" in _found(letter)
    assert not {"Yours sincerely", "Jane Doe MPharm", "Medical Information Pharmacist"} & set(_found(letter))
    newsletter = ("IN THIS ISSUE\n  1. From the chair\n  2. Talk report\n\nFROM THE CHAIR\n\n"
                  "Welcome to the autumn newsletter, which has more news than ever.\n")
    assert "FROM THE CHAIR" in _found(newsletter)
    # capitals without a blank line before them stay in their block
    assert "ALSO CAPITALS" not in _found("Title line\nBody text of the article goes here, a sentence.\nShort line\n"
                                         "ALSO CAPITALS\nBody text of the article goes on here.\n")
