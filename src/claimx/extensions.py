"""Every custom attribute claimx sets on spaCy objects, registered in one place."""
from __future__ import annotations

from spacy.tokens import Doc, Span


def _section_of(span: Span) -> str:
    """The innermost section holding the span (sections nest: "Title > Part A")."""
    best = None
    for section in span.doc.spans.get("sections", []):
        if section.start <= span.start < section.end and (best is None or section.start >= best.start):
            best = section
    return best.label_ if best is not None else ""


def _is_heading(span: Span) -> bool:
    return any(h.start <= span.start < h.end for h in span.doc.spans.get("headings", []))


DOC_EXTENSIONS = {
    # list[claimx.claims.Claim]: plain frozen dataclasses, never Span objects.
    "claims": {"default": None},
}
SPAN_EXTENSIONS = {
    "section": {"getter": _section_of},
    "is_heading": {"getter": _is_heading},
}


def register_extensions() -> None:
    """Idempotent: safe to call from every factory and from tests."""
    for name, kwargs in DOC_EXTENSIONS.items():
        Doc.set_extension(name, force=True, **kwargs)
    for name, kwargs in SPAN_EXTENSIONS.items():
        Span.set_extension(name, force=True, **kwargs)
