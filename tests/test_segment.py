"""Sections, paragraphs and sentences on hand-built text."""
import pytest

import claimx


@pytest.fixture(scope="module")
def nlp():
    return claimx.load()


TEXT = (
    "Magnesium and Migraine\n"
    "Magnesium is a mineral found in nuts and leafy greens. Dr. Lee, a neurologist, studies it.\n"
    "How It Might Work\n"
    "Low magnesium may make nerve cells more excitable, e.g. in the cortex. Trials are small.\n"
)


def test_segment_sentences_split_at_lines_and_full_stops(nlp):
    doc = nlp(TEXT)
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [
        "Magnesium and Migraine",
        "Magnesium is a mineral found in nuts and leafy greens.",
        "Dr. Lee, a neurologist, studies it.",
        "How It Might Work",
        "Low magnesium may make nerve cells more excitable, e.g. in the cortex.",
        "Trials are small.",
    ]


def test_segment_sections_follow_plain_text_headings(nlp):
    doc = nlp(TEXT)
    labels = {s.text.strip(): s._.section for s in doc.sents}
    assert labels["Trials are small."] == "How It Might Work"
    assert labels["Dr. Lee, a neurologist, studies it."] == "Magnesium and Migraine"
    assert [h.text for h in doc.spans["headings"]] == ["Magnesium and Migraine", "How It Might Work"]


def test_segment_paragraphs_are_lines(nlp):
    doc = nlp(TEXT)
    assert len(doc.spans["paragraphs"]) == 4


def test_segment_nested_sections_from_heading_levels(nlp):
    from claimx.runner import make_doc
    from claimx.types import Article, Heading

    text = "Title\nIntro text here.\nPart A\nText of part A.\nDetail\nText of the detail.\n"
    headings = (Heading(0, 5, 1), Heading(23, 29, 2), Heading(46, 52, 3))
    article = Article(path=None, name="x.md", text=text, headings=headings, format="md")
    doc = nlp(make_doc(nlp, article))
    by_text = {s.text.strip(): s._.section for s in doc.sents}
    assert by_text["Text of the detail."] == "Title > Part A > Detail"
    assert by_text["Text of part A."] == "Title > Part A"
    assert by_text["Intro text here."] == "Title"


STRUCTURED_ABSTRACT = (
    "Aspirin for the prevention of migraine: a randomised trial\n\n"
    "BACKGROUND: Migraine is common. Aspirin is cheap.\n\n"
    "Materials and Methods: We randomised 300 adults to aspirin or placebo. Adults received aspirin "
    "to prevent migraine attacks for 12 weeks.\n\n"
    "RESULTS: Aspirin reduced migraine days. Note: results held in women.\n"
)


def test_segment_structured_abstract_labels_are_sections(nlp):
    doc = nlp(STRUCTURED_ABSTRACT)
    title = "Aspirin for the prevention of migraine: a randomised trial"
    assert [s.label_ for s in doc.spans["sections"]] == [
        title, f"{title} > BACKGROUND", f"{title} > Materials and Methods", f"{title} > RESULTS"]
    sents = [s.text.strip() for s in doc.sents]
    assert "RESULTS:" in sents and "Aspirin reduced migraine days." in sents
    # only a known label at the start of a paragraph: "Note:" mid-paragraph stays in its sentence
    assert "Note: results held in women." in sents


def test_segment_claims_skip_methods_sections(nlp):
    doc = nlp(STRUCTURED_ABSTRACT)
    found = {(c.intervention.display.lower(), c.condition.display.lower(), c.sentence) for c in doc._.claims}
    assert ("aspirin", "migraine days", "Aspirin reduced migraine days.") in found or \
           ("aspirin", "migraine", "Aspirin reduced migraine days.") in found
    # a claim in any other section, but a methods section says what was done
    assert not any("for 12 weeks" in sentence for _, _, sentence in found)


def test_segment_capital_letter_ends_a_sentence_unless_it_is_an_initial(nlp):
    sents = [s.text.strip() for s in nlp("Dr. J. Smith took vitamin D. He felt better. "
                                        "Written by A. B. Jones. Hepatitis B. is rarer now.").sents]
    # a lower-case word after the full stop never starts a sentence
    assert sents == ["Dr. J. Smith took vitamin D.", "He felt better.", "Written by A. B. Jones.",
                     "Hepatitis B. is rarer now."]


def test_segment_a_chat_message_starts_after_its_sender_line(nlp):
    # written for claimx: exported chats (Android and iOS forms); the sender line is a
    # sentence of its own, so the message is parsed and reported as written
    doc = nlp("12/03/2026, 09:15 - Sam: Ibuprofen gel helped my knee. Worth a try.\n"
              "[12/03/2026, 09:20:41] Priya: It does nothing for mine.\n")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["12/03/2026, 09:15 - Sam:", "Ibuprofen gel helped my knee.", "Worth a try.",
                     "[12/03/2026, 09:20:41] Priya:", "It does nothing for mine."]


def test_segment_a_reference_mark_closes_its_sentence(nlp):
    # written for claimx: "[5]" after the stop belongs to the sentence it cites, and the
    # disease before the stop is a word of its own
    doc = nlp("Statins cut the risk of stroke.[5][6] Muscle aches are rare (Lee 2020).[12,13] Most people cope.")
    assert [s.text for s in doc.sents] == [
        "Statins cut the risk of stroke.[5][6]", "Muscle aches are rare (Lee 2020).[12,13]", "Most people cope."]
    assert ("Statins", "stroke") in {(c.intervention.display, c.condition.display) for c in doc._.claims}


def test_segment_straight_quotes_stay_with_their_sentence(nlp):
    # written for claimx: a straight quote after a space opens the next sentence, one glued
    # to the stop closes its own; neither is a sentence of its own
    doc = nlp('Ginger is popular. "It eases the queasiness," she says. He said "it works." Then he left.')
    assert [s.text for s in doc.sents] == [
        "Ginger is popular.", '"It eases the queasiness," she says.', 'He said "it works."', "Then he left."]
