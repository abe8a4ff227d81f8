"""brat standoff in PolNeAR's layout: reading annotated folders and writing sayso's statements.

One layout serves both directions so that an annotator can open sayso's predictions in brat or
INCEpTION, correct them, and score sayso against the corrected folder with ``sayso eval brat``.
Each attribution is a Source, a Cue and a Content text-bound annotation (discontinuous spans written
``start end;start end``), tied together by an ``Attribution`` event whose trigger is the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .files import read_text, require_directory
from .scoring import Span

#: The text-bound labels that are scored; PolNeAR's others (Discard, Discuss, the event
#: triggers) are read past.
LABELS = ("Source", "Cue", "Content")

#: What brat needs to display and edit the folder ``write_brat`` produces.
ANNOTATION_CONF = """\
[entities]
Source
Cue
Content

[relations]

[events]
Attribution\tSource?:Source, Cue?:Cue, Content+:Content
Attribution-no-source\tCue?:Cue, Content+:Content

[attributes]
"""

_SPAN = re.compile(r"^\d+ \d+(;\d+ \d+)*$")


@dataclass
class BratDoc:
    """An article's text and its annotated spans, by label."""

    id: str
    text: str
    ann: Path
    spans: dict[str, list[list[Span]]]


def parse_ann(content: str, text: str, name: str) -> tuple[dict[str, list[list[Span]]], list[str]]:
    """The Source, Cue and Content spans of one .ann file, and warnings for lines skipped."""
    spans: dict[str, list[list[Span]]] = {label: [] for label in LABELS}
    warnings, mismatched = [], 0
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip() or line[0] in "ERAMN#*":   # events, relations, attributes, notes
            continue
        fields = line.split("\t")
        head = fields[1].split(" ", 1) if line[0] == "T" and len(fields) >= 2 else []
        if len(head) != 2 or not _SPAN.match(head[1]):
            warnings.append(f"{name}:{number}: not a brat annotation line; skipped")
            continue
        label, offsets = head
        if label not in LABELS:
            continue
        fragments = [(int(a), int(b)) for a, b in (f.split() for f in offsets.split(";"))]
        if any(not 0 <= a <= b <= len(text) for a, b in fragments):
            warnings.append(f"{name}:{number}: offsets {offsets} outside the text; skipped")
            continue
        if len(fields) >= 3 and fields[2] != " ".join(text[a:b] for a, b in fragments):
            mismatched += 1
        spans[label].append(fragments)
    if mismatched:
        warnings.append(f"{name}: {mismatched} annotations whose text differs from the .txt at "
                        "their offsets (is it the file they were made on?)")
    return spans, warnings


def _pair_files(texts: list[Path], anns: list[Path]) -> tuple[dict[Path, Path], list[str]]:
    """Each text's annotation file: ``<id>.ann``, else the first ``<id>_<annotator>.ann`` sorted."""
    by_stem = {t.stem: t for t in texts}
    chosen: dict[Path, Path] = {}
    warnings = []
    for ann in sorted(anns, key=lambda p: p.name):
        stem = ann.stem if ann.stem in by_stem else ann.stem.rsplit("_", 1)[0]
        text = by_stem.get(stem)
        if text is None:
            warnings.append(f"{ann}: no {stem}.txt for it; skipped")
        elif text not in chosen:
            chosen[text] = ann
    return chosen, warnings


def read_brat(directory: Path, layout: str = "auto") -> tuple[list[BratDoc], list[str]]:
    """The annotated articles of a brat folder, and one-line warnings for what was skipped.

    ``layout`` "polnear" wants ``text/`` and ``attributions/`` sub-folders; "flat" wants ``.txt``
    and ``.ann`` side by side; "auto" takes the first if those sub-folders exist. Raises
    ``InputError`` when the folder is missing, has not that layout or holds no usable article.
    """
    require_directory(directory)
    nested = (directory / "text").is_dir() and (directory / "attributions").is_dir()
    if layout == "polnear" and not nested:
        raise InputError(f"{directory}: expected text/ and attributions/ sub-folders (PolNeAR's "
                         "layout); for .txt and .ann side by side use 'sayso eval brat'")
    text_dir, ann_dir = ((directory / "text", directory / "attributions")
                         if nested and layout != "flat" else (directory, directory))
    texts = sorted(text_dir.glob("*.txt"))
    pairs, warnings = _pair_files(texts, list(ann_dir.glob("*.ann")))
    docs = []
    for text_path in texts:
        ann = pairs.get(text_path)
        if ann is None:
            warnings.append(f"{text_path}: no .ann file for it; skipped")
            continue
        try:
            text = read_text(text_path)
            spans, problems = parse_ann(read_text(ann), text, str(ann))
        except (OSError, UnicodeDecodeError) as exc:
            warnings.append(f"{ann}: unreadable ({exc}); skipped")
            continue
        warnings += problems
        docs.append(BratDoc(id=text_path.stem, text=text, ann=ann, spans=spans))
    if not docs:
        raise InputError(f"{directory}: no .txt with a readable .ann file")
    return docs, warnings


# --- writing -----------------------------------------------------------------------------------

def _fragments(text: str, spans: list[Span]) -> list[Span]:
    """Spans cut at line breaks and trimmed of spaces: a brat annotation cannot cross a line."""
    out = []
    for start, end in spans:
        for m in re.finditer(r"[^\r\n]+", text[start:end]):
            a, b = start + m.start(), start + m.end()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def safe_name(article_id: str) -> str:
    """A file name for an article id (ids may be paths or URLs)."""
    return re.sub(r"[^\w.-]+", "_", article_id).strip("._") or "article"


def ann_lines(article: Article) -> list[str]:
    """The brat standoff lines for an article's statements, in PolNeAR's layout."""
    text, lines = article.text, []
    ids: dict[tuple[str, str], str] = {}   # one annotation per span, shared by its statements

    def add(label: str, spans: list[Span]) -> str:
        offsets = ";".join(f"{a} {b}" for a, b in spans)
        if (label, offsets) not in ids:
            ids[(label, offsets)] = f"T{len(ids) + 1}"
            lines.append(f"{ids[(label, offsets)]}\t{label} {offsets}\t"
                         f"{' '.join(text[a:b] for a, b in spans)}")
        return ids[(label, offsets)]

    for e, s in enumerate(article.statements, 1):
        roles = []
        source = _fragments(text, [(s.speaker.start, s.speaker.end)]) if s.speaker else []
        cue = _fragments(text, [(s.cue.start, s.cue.end)]) if s.cue else []
        content = _fragments(text, s.content.spans)
        if not content:
            continue
        if source:
            roles.append(f"Source:{add('Source', source)}")
        if cue:
            roles.append(f"Cue:{add('Cue', cue)}")
        roles.append(f"Content:{add('Content', content)}")
        kind = "Attribution" if source else "Attribution-no-source"
        trigger = add(kind, cue or content[:1])
        lines.append(f"E{e}\t{kind}:{trigger} {' '.join(roles)}")
    return lines


def write_brat(article: Article, directory: Path) -> Path:
    """Write ``<id>.txt`` and ``<id>.ann`` for one article into ``directory``; return the .ann.

    Also writes brat's ``annotation.conf`` there if the folder has none, so that brat can show
    and edit the attributions at once.
    """
    directory.mkdir(parents=True, exist_ok=True)
    name = safe_name(article.id)
    with (directory / f"{name}.txt").open("w", encoding="utf-8", newline="") as f:
        f.write(article.text)
    ann = directory / f"{name}.ann"
    with ann.open("w", encoding="utf-8", newline="") as f:
        f.write("".join(f"{line}\n" for line in ann_lines(article)))
    conf = directory / "annotation.conf"
    if not conf.exists():
        conf.write_text(ANNOTATION_CONF, encoding="utf-8")
    return ann
