"""Shared fixtures: the full pipeline (built once per session) and small article corpora."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"

# Hand-written articles, one per format, each with claims (the rules find them in
# "X reduces/prevents/lowers Y" sentences). Written for these tests, not copied.
TXT_ARTICLE = (
    "Magnesium for Migraine\n"
    "Magnesium may reduce the frequency of migraine attacks in adults, according to several small trials.\n"
    "\n"
    "Other Uses\n"
    "Lithium prevents relapse in bipolar disorder. Metformin lowers blood sugar in type 2 diabetes.\n"
)
MD_ARTICLE = (
    "# Ketamine and *Depression*\n"
    "\n"
    "Ketamine **reduces** symptoms of depression within hours, [a trial](https://example.org) found.\n"
    "\n"
    "Setext Section\n"
    "--------------\n"
    "\n"
    "- Lithium prevents relapse in bipolar disorder.\n"
    "> Aspirin reduces the risk of stroke in older adults.\n"
)
HTML_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Creatine news | HealthWire</title>
<script>var tracker = "SCRIPT_TEXT";</script></head>
<body>
<nav><ul><li><a href="/">Home NAV_TEXT</a></li><li><a href="/news">News NAV_TEXT</a></li></ul></nav>
<div class="cookie-banner">We use cookies COOKIE_TEXT. <button>Accept</button></div>
<main><article>
<h1>Creatine and the Ageing Brain</h1>
<p>Creatine is best known as a supplement for athletes, but researchers now ask whether it protects the ageing brain.</p>
<h2>What the trials found</h2>
<p>In a randomised trial of 120 older adults, creatine improved short-term memory compared with placebo.
Metformin lowers blood sugar in type 2 diabetes, the authors noted in passing.</p>
<h3>How it might work</h3>
<p>Creatine helps cells recycle ATP, and researchers think that higher creatine stores could buffer neurons.</p>
</article></main>
<footer><p>&copy; 2025 HealthWire FOOTER_TEXT. All rights reserved.</p></footer>
<script>console.log("SCRIPT_AT_END");</script>
</body></html>
"""


@pytest.fixture(scope="session")
def nlp():
    """claimx's full pipeline; building it takes a second or two, so once per session."""
    from claimx.pipeline import make_nlp

    return make_nlp()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder with one article per format, one in a subfolder."""
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "magnesium.txt").write_text(TXT_ARTICLE, encoding="utf-8")
    (root / "sub" / "ketamine.md").write_text(MD_ARTICLE, encoding="utf-8")
    (root / "creatine.html").write_text(HTML_ARTICLE, encoding="utf-8")
    return root


@pytest.fixture()
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not available")
    return SHARED_DIR
