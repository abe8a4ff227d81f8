"""Presenting scores: aligned tables for the terminal and error lines a person can read."""

from __future__ import annotations

from collections.abc import Sequence

from .scoring import PRF

#: Characters of surrounding text shown on each side of an error.
CONTEXT_CHARS = 60


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The span in brackets with some text either side, on one line."""
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    return " ".join(f"…{before}[[{text[start:end]}]]{after}…".split())


def prf_table(rows: Sequence[tuple[str, PRF]]) -> str:
    """Precision, recall and F1 (percent) with the counts behind them, one row per measure."""
    width = max(len(name) for name, _ in rows)
    head = (f"{'':<{width}}  {'precision':>9}  {'recall':>6}  {'F1':>5}  "
            f"{'matched':>7}  {'predicted':>9}  {'gold':>5}")
    lines = [head]
    for name, prf in rows:
        lines.append(f"{name:<{width}}  {prf.precision * 100:>9.1f}  {prf.recall * 100:>6.1f}  "
                     f"{prf.f1 * 100:>5.1f}  {prf.matched:>7}  {prf.predicted:>9}  {prf.gold:>5}")
    return "\n".join(lines)
