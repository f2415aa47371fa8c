"""Claim strength in the four-way scheme of Yu, Li & Wang (2019).

The annotation guide maps a claim's relation and hedge level onto it:
correlational -> correlational; causal or mechanistic with asserted/probable ->
direct_causal; with possible/speculative -> conditional_causal. "none" is for a
sentence that makes no claim.
"""
from __future__ import annotations

STRENGTHS: tuple[str, ...] = ("none", "correlational", "conditional_causal", "direct_causal")
_CONFIDENT = frozenset({"asserted", "probable"})


def claim_strength(relation: str | None, hedge_level: str | None) -> str:
    if not relation:
        return "none"
    if relation == "correlational":
        return "correlational"
    return "direct_causal" if hedge_level in _CONFIDENT else "conditional_causal"
