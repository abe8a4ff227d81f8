"""A readable terminal view of an analysed article: who speaks, and what each one said."""

from __future__ import annotations

import textwrap
from collections import Counter

from .model import Article, Statement

_ROLE = {"via": "via", "addressee": "to", "medium": ""}


def render(article: Article, width: int = 100) -> str:
    """Speakers with descriptors and counts, then every statement in text order."""
    lines = [f"{article.title or article.id}  ·  {len(article.statements)} statements"]
    if article.outlet or article.published:
        lines[0] += "  ·  " + " ".join(x for x in (article.outlet, article.published) if x)
    counts = Counter(s.speaker.name for s in article.statements if s.speaker)
    if counts:
        lines += ["", "Speakers"]
        for name, count in counts.most_common():
            entity = next((article.entity(s.speaker.entity) for s in article.statements
                           if s.speaker and s.speaker.name == name and s.speaker.entity), None)
            extra = f" ({'; '.join(entity.descriptors)})" if entity and entity.descriptors else ""
            lines.append(f"  {count:3}  {name}{extra}")
    if article.statements:
        lines += ["", "Statements"]
        for s in article.statements:
            lines += _statement(s, width)
    if article.chrome:
        kinds = Counter(c.kind for c in article.chrome)
        lines += ["", "Page chrome left out: " + ", ".join(f"{k} {n}" for k, n in kinds.items())]
    if article.credits:
        lines.append("Credits: " + ", ".join(article.credits))
    return "\n".join(lines)


def _statement(s: Statement, width: int) -> list[str]:
    who = s.speaker.name if s.speaker else "(no source named)"
    if s.speaker and s.speaker.text != who:
        who += f" [{s.speaker.text}]"
    kind = s.kind if s.act == "speech" else f"{s.kind}, {s.act}"
    head = f"  {s.id:>4}  {who} — {s.cue.text if s.cue else '(continues)'} ({kind})"
    for c in s.channels:
        head += f"  · {(_ROLE[c.role] + ' ' + c.text).strip()}"
    body = textwrap.wrap(s.content.text, width=width - 8, initial_indent=" " * 8,
                         subsequent_indent=" " * 8)
    return [head] + body
