"""Which lines of an article are bylines, footers, related-reading or reference lists, or image captions.

The phrases are data (``kg/resources/boilerplate.tsv``, plus files named in ``KG_BOILERPLATE``); this module is the
small engine that applies them to an article's lines, in order: the ``end`` rule cuts the tail, ``related`` and
``references`` drop a heading with its list, then ``promo`` drops a paragraph of any length and ``byline``, ``footer``
and ``caption`` drop single (short) lines, and a
short line without sentence-final punctuation right after an image is a caption too.

>>> lines = [Line("允中 发自 凹非寺", 1), Line("腾讯发布混元。", 3), Line("", 5, image=True), Line("图源：网络", 7)]
>>> [d.rule if d else None for d in find_boilerplate(lines).drops]
['byline', None, None, 'caption']
>>> find_boilerplate(lines).authors
('允中',)
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from ..errors import ResourceError

RULES = ("byline", "footer", "end", "related", "references", "caption", "promo")
WHERE = ("head", "tail", "edges", "after-image", "any")
HOW = ("contains", "regex")

HEAD_LINES = 8  # "head": the first lines of the body that have text
TAIL_MIN_LINES = 12  # "tail": the last third of the body, and at least this many lines
LINE_MAX_CHARS = 80  # byline, footer and caption rules look only at lines this short
HEADING_MAX_CHARS = 30  # a related/references heading (URLs not counted)
CAPTION_MAX_CHARS = 30  # an unmarked caption: short, right after an image, no sentence-final punctuation
_FINAL = tuple("。！？!?…；;：:，,、—～~")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_NUMBERED = re.compile(r"^\s*(?:\[\d{1,3}\]|［\d{1,3}］|\[?\d{1,3}[.、)）]|[(（【]\d{1,3}[)）】])")  # [1], 1、, [1、 (a link's text)
_STEP = re.compile(r"^(?:第?[一二三四五六七八九十\d]{1,3}[、.．]|步骤|第[一二三四五六七八九十\d]{1,3}[步章节部分个])")
_DECOR = re.compile(r"^[\W_]+|[\W_]+$")  # | 推荐阅读 |, 【往期回顾】, # 参考资料：
_NAME_SPLIT = re.compile(r"[\s、，,]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Line:
    """One line of an article's body as a reader sees it: ``line`` is its 1-based source line."""

    text: str
    line: int
    heading: int = 0  # heading level, 0 for none
    item: bool = False  # a list item's line
    image: bool = False  # only images, no visible text
    image_first: bool = False  # an image comes first on the line, then text
    links: bool = False  # all its text is link text
    emphasis: bool = False  # all its text is bold or italic (a subheading, in many articles)
    block: int = 0  # lines of one paragraph (hard breaks) share a block: its first source line
    marks: tuple[tuple[int, int], ...] = field(default=(), compare=False)  # (offset, source line) of soft breaks


@dataclass(frozen=True)
class Rule:
    rule: str
    where: str
    how: str
    pattern: str
    regex: Optional[re.Pattern] = None

    def matches(self, text: str) -> Optional[re.Match | bool]:
        if self.regex is not None:
            return self.regex.search(text)
        return self.pattern in _SPACES.sub("", text)


@dataclass(frozen=True)
class Drop:
    rule: str
    pattern: str  # the rule's pattern that matched ("" for the built-in caption test)


@dataclass(frozen=True)
class Boilerplate:
    """``drops[i]`` says why line ``i`` is dropped (None: kept); ``authors``: names read from bylines."""

    drops: tuple[Optional[Drop], ...]
    authors: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[Rule, ...]:
    """The rules of ``kg/resources/boilerplate.tsv`` and of the files named in ``KG_BOILERPLATE``."""
    from ..resources_data import RESOURCES, read_rows

    paths = [RESOURCES / "boilerplate.tsv"]
    paths += [Path(p) for p in os.environ.get("KG_BOILERPLATE", "").split(os.pathsep) if p]
    out = []
    for path in paths:
        for n, (rule, where, how, pattern, *_) in read_rows(path, 4):
            if rule not in RULES or where not in WHERE or how not in HOW:
                raise ResourceError(f"{path}:{n}: expected rule in {RULES}, where in {WHERE}, how in {HOW}; "
                                    f"got {rule!r}, {where!r}, {how!r}")
            regex = None
            if how == "regex":
                try:
                    regex = re.compile(pattern)
                except re.error as err:
                    raise ResourceError(f"{path}:{n}: bad regular expression {pattern!r} ({err}); fix it") from None
            out.append(Rule(rule, where, how, pattern if regex else _SPACES.sub("", pattern), regex))
    return tuple(out)


def find_boilerplate(lines: Sequence[Line], *, rules: Sequence[Rule] | None = None) -> Boilerplate:
    """Why each line is dropped (None: kept), and the author names that bylines give."""
    rules = boilerplate_rules() if rules is None else rules
    drops: list[Optional[Drop]] = [None] * len(lines)
    texty = [i for i, ln in enumerate(lines) if ln.text]
    head = set(texty[:HEAD_LINES])
    tail_from = texty[min(len(texty) * 2 // 3, max(0, len(texty) - TAIL_MIN_LINES))] if texty else 0
    by_rule = {r: [x for x in rules if x.rule == r] for r in RULES}

    def where_ok(rule: Rule, i: int) -> bool:
        w = rule.where
        return (w == "any" or (w == "head" and i in head) or (w == "tail" and i >= tail_from)
                or (w == "edges" and (i in head or i >= tail_from)) or (w == "after-image" and _after_image(lines, i)))

    # end: the first end line in the tail drops everything from there
    for i in texty:
        if i >= tail_from and len(lines[i].text) <= LINE_MAX_CHARS:
            hit = next((r for r in by_rule["end"] if where_ok(r, i) and r.matches(lines[i].text)), None)
            if hit:
                for j in range(i, len(lines)):
                    drops[j] = Drop("end", hit.pattern)
                break
    # related / references: a heading and the list after it
    i = 0
    while i < len(lines):
        ln = lines[i]
        hit = None
        if drops[i] is None and ln.text and len(_URL.sub("", ln.text)) <= HEADING_MAX_CHARS:
            bare = _DECOR.sub("", ln.text)
            hit = next((r for kind in ("related", "references") for r in by_rule[kind]
                        if where_ok(r, i) and r.matches(bare)), None)
        if hit is None:
            i += 1
            continue
        drops[i] = Drop(hit.rule, hit.pattern)
        j = i + 1
        while j < len(lines) and drops[j] is None and _list_like(lines[j], lines[i], in_tail=i >= tail_from):
            drops[j] = Drop(hit.rule, hit.pattern)
            j += 1
        i = j
    # single lines
    authors: list[str] = []
    for i in texty:
        ln = lines[i]
        if drops[i] is None:  # promo: a publication's advertising paragraph, however long
            hit = next((r for r in by_rule["promo"] if where_ok(r, i) and r.matches(ln.text)), None)
            if hit is not None:
                drops[i] = Drop("promo", hit.pattern)
        if drops[i] is not None or len(ln.text) > LINE_MAX_CHARS:
            continue
        for kind in ("byline", "footer", "caption"):
            for r in by_rule[kind]:
                m = r.matches(ln.text) if where_ok(r, i) else None
                if m:
                    drops[i] = Drop(kind, r.pattern)
                    if kind == "byline" and isinstance(m, re.Match) and "author" in m.groupdict() and m["author"]:
                        authors += [a for a in _NAME_SPLIT.split(m["author"]) if a and a not in authors]
                    break
            if drops[i] is not None:
                break
        if drops[i] is None and _plain_caption(lines, i):
            drops[i] = Drop("caption", "")
    return Boilerplate(tuple(drops), tuple(authors))


def _after_image(lines: Sequence[Line], i: int) -> bool:
    """The line follows an image with no text between (an image on the line itself, then its text, counts)."""
    if lines[i].image_first:
        return True
    return i > 0 and lines[i - 1].image


def _plain_caption(lines: Sequence[Line], i: int) -> bool:
    ln = lines[i]
    text = ln.text.rstrip()
    return (_after_image(lines, i) and not ln.item and not ln.emphasis and ln.heading not in (1, 2, 3)
            and len(text) <= CAPTION_MAX_CHARS and not text.endswith(_FINAL) and not _URL.search(text)
            and not any(c in text for c in "：:，,。！？!?") and not _NUMBERED.match(text) and not _STEP.match(text))


def _list_like(ln: Line, heading: Line, *, in_tail: bool = False) -> bool:
    """A line of the list under a related-reading or references heading (in an article's last third, in plain text
    that has lost its links, any short line that ends no sentence: a post's title)."""
    if ln.image or ln.links or ln.item or _URL.search(ln.text) or _NUMBERED.match(ln.text):
        return True
    if not any(ch.isalnum() for ch in ln.text) or ln.text.lstrip().startswith("[") and "]" not in ln.text:
        return True  # "# [", "## [某文章标题": the first line of a link the scrape broke over lines
    if in_tail and len(ln.text) <= LINE_MAX_CHARS and not ln.text.rstrip().endswith(_FINAL):
        return True
    return ln.block == heading.block and len(ln.text) <= LINE_MAX_CHARS
