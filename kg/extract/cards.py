"""Company cards: the block of ``key：value`` lines that opens many start-up interviews and funding stories::

    公司：青禾电子
    领域：工业软件
    融资状态：A 轮
    主要投资人：星桥资本领投，远山创投、Norvale Ventures 跟投

The card's company line names a company; its investor line lists who invested in it, its founder line who founded
it. The keys are data (``kg/resources/card_keys.tsv``; add your own through ``KG_CARD_KEYS``). The entity stage
takes each company value and each plain investor item as a company name (:func:`card_mentions`); the relation stage
links them (:func:`card_relations`), with the lines from the company line to the field's line as evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources_data import _paths, read_rows, titles
from ..schema import COMPANY, ORG, PERSON
from ..types import Analysis, Evidence, Mention, RelationMention

__all__ = ["Card", "CardField", "card_keys", "find_cards", "card_mentions", "card_relations", "investor_items"]

FIELDS = ("company", "investors", "founders", "ceo")


@lru_cache(maxsize=1)
def card_keys() -> dict[str, str]:
    """key → field, from ``card_keys.tsv`` and the files in ``KG_CARD_KEYS``."""
    from ..errors import ResourceError

    out: dict[str, str] = {}
    for path in _paths("card_keys.tsv", "KG_CARD_KEYS"):
        for n, (key, field, *_) in read_rows(path, 2):
            if field not in FIELDS:
                raise ResourceError(f"{path}:{n}: unknown card field {field!r}; expected one of {', '.join(FIELDS)}")
            out[key] = field
    return out


@dataclass(frozen=True)
class CardField:
    field: str
    key: str
    start: int  # the value's span in the text
    end: int
    line_start: int  # the whole line's span
    line_end: int


@dataclass(frozen=True)
class Card:
    company: CardField
    fields: tuple[CardField, ...]


# a `key：value` line with a short key and a short value (an interview's `姓名：answer` lines are long)
_LINE = re.compile(r"^[ \t]*(?P<key>[^\s：:，,。]{1,8})[ \t]*[：:][ \t]*(?P<val>[^\n]{1,100}?)[ \t]*$", re.M)
_MAX_GAP_LINES = 3  # blank or other lines allowed between two lines of one card
# a bare 和/及 between Han names splits a list only after a name of two characters or more: 风和资本 is one name
_ITEM_SPLIT = re.compile(r"[、，,；;/]|\s+(?:和|及|以及)\s+|(?<=[^A-Za-z、，,；;/\s]{2})(?:和|及|以及)(?=[^A-Za-z])")
_ITEM_NOTE = re.compile(r"^\s*(?:由|获)?\s*|\s*(?:联合领投|领投|跟投|参投|追投|超额认购|等(?:知名|多家)?(?:机构|投资方|投资人)?)\s*$")
_NOT_A_NAME = re.compile(r"机构|投资者|多家|知名|个人|未透露|未披露|暂未|不详|老股东|天使|员工|团队|^\W*$|^[\d.]+$")


def find_cards(text: str) -> list[Card]:
    """The cards in ``text``: a company line with the card lines around it (at most a few lines apart)."""
    keys = card_keys()
    lines = list(_LINE.finditer(text))
    cards: list[Card] = []
    for i, m in enumerate(lines):
        if keys.get(m.group("key")) != "company":
            continue
        company = _field(m, "company")
        fields = []
        for step in (-1, 1):  # walk away from the company line while card lines follow each other closely
            j, prev = i + step, m
            while 0 <= j < len(lines):
                x = lines[j]
                a, b = (x, prev) if step < 0 else (prev, x)
                if text.count("\n", a.end(), b.start()) > _MAX_GAP_LINES + 1:
                    break
                field = keys.get(x.group("key"))
                if field == "company":
                    break
                if field:
                    fields.append(_field(x, field))
                j, prev = j + step, x
        cards.append(Card(company, tuple(sorted(fields, key=lambda f: f.start))))
    return cards


def _field(m: re.Match, field: str) -> CardField:
    return CardField(field, m.group("key"), m.start("val"), m.end("val"), m.start(), m.end())


def _items(text: str, f: CardField) -> list[tuple[int, int]]:
    """The items of a list value, each trimmed of notes (领投, 跟投, 等): their spans."""
    out, pos = [], f.start
    value = text[f.start:f.end]
    for piece in _ITEM_SPLIT.split(value) + [None]:
        if piece is None:
            break
        s = pos + value[pos - f.start:].find(piece)
        pos = s + len(piece)
        core = _ITEM_NOTE.sub("", piece)
        if not core:
            continue
        cs = s + piece.find(core)
        out.append((cs, cs + len(core)))
    return out


def _plain_name(name: str) -> bool:
    if not 2 <= len(name) <= 24 or _NOT_A_NAME.search(name) or re.search(r"[（()）「」“”\"《》]", name):
        return False
    return not any(t in name for t in titles() if len(t) >= 2 and not t.isascii())


# a table as the reader writes it: a header row of cells joined by |, a rule row (---|---), then one row a line
_RULE_ROW = re.compile(r"^[ \t|]*:?-{3,}:?(?:[ \t]*\|[ \t]*:?-{3,}:?)+[ \t|]*$", re.M)


def table_mentions(text: str) -> list[Mention]:
    """Company names in a table's company column (公司名称 | 定价模式 … ⏎ ---|--- ⏎ 法律 | Harvey | 订阅 …): the header
    cell is one of the cards' company keys (公司, 公司名称, 企业 …), and each row's cell under it that is a plain name
    is a company (data/README.md: companies listed in a table's rows are entities)."""
    if "---" not in text:
        return []
    keys = {k for k, f in card_keys().items() if f == "company"}
    out = []
    for rule in _RULE_ROW.finditer(text):
        head_end = rule.start() - 1
        head_start = text.rfind("\n", 0, max(0, head_end)) + 1
        header = [c.strip() for c in text[head_start:head_end].strip().strip("|").split("|")]
        col = next((i for i, c in enumerate(header) if c in keys), None)
        if col is None or len(header) < 2:
            continue
        pos = rule.end()
        while pos < len(text):
            line_end = text.find("\n", pos + 1)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end]
            if not line.strip():
                pos = line_end  # (the reader may put a blank line between rows)
                continue
            if "|" not in line:
                break  # a line of text: the table ended
            cells = line.split("|")
            if len(cells) < len(header) - 1:
                break
            offset = len(cells) - len(header)  # (| Ironclad| 订阅 …: the reader leaves a merged first cell empty)
            i = col + max(0, offset)
            if 0 <= i < len(cells):
                start = pos + sum(len(c) + 1 for c in cells[:i])
                raw = cells[i]
                name = raw.strip()
                if _plain_name(name) and not _person_like(name):
                    a = start + raw.index(name)
                    out.append(Mention(name, COMPANY, a, a + len(name), "card", None, 0.85))
            pos = line_end
    return out


def card_mentions(text: str) -> list[Mention]:
    """Company names a card states: the company value, and each investor item that is a plain name (not a person
    with a title, not a note such as 多家知名机构); and the names in a table's company column (:func:`table_mentions`)."""
    out = table_mentions(text)
    for card in find_cards(text):
        c = card.company
        name = text[c.start:c.end]
        if _plain_name(name):
            out.append(Mention(name, COMPANY, c.start, c.end, "card", None, 0.9))
        for f in card.fields:
            if f.field != "investors":
                continue
            for s, e in _items(text, f):
                item = text[s:e]
                if _plain_name(item) and not _person_like(item):
                    out.append(Mention(item, COMPANY, s, e, "card", None, 0.85))
                    continue
                b = _BRACKETED.fullmatch(item)  # 陆沉舟（星桥资本）: a person and the firm they invest for
                if b and _person_like(b.group(1)) and _plain_name(b.group(2)):
                    out.append(Mention(b.group(1), PERSON, s + b.start(1), s + b.end(1), "card", None, 0.85))
                    out.append(Mention(b.group(2), COMPANY, s + b.start(2), s + b.end(2), "card", None, 0.85))
    return out


_BRACKETED = re.compile(r"\s*([^（(\s]{2,4})\s*[（(]\s*([^）)]{2,24}?)\s*[）)]\s*")


def _person_like(name: str) -> bool:
    from ..resources_data import surnames

    return len(name) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in name) and (name[0] in surnames() or name[:2] in surnames())


_RELATIONS = {"investors": (("invests_in", None),), "founders": (("founded", "创始人"), ("works_for", "创始人")),
              "ceo": (("leads", "CEO"), ("works_for", "CEO"))}


def card_relations(analysis: Analysis, mentions: list[Mention]) -> list[RelationMention]:
    """invests_in, founded, leads and works_for from the cards of the document, between the mentions found in them."""
    text = analysis.doc.text
    cards = find_cards(text) if "：" in text or ":" in text else []
    out: list[RelationMention] = []
    for card in cards:
        c = card.company
        company = next((m for m in mentions if m.start <= c.start and c.end <= m.end and m.type in (COMPANY, ORG)), None)
        if company is None:
            company = next((m for m in mentions if c.start <= m.start and m.end <= c.end and m.type in (COMPANY, ORG)), None)
        if company is None:
            continue
        for f in card.fields:
            a, b = min(c.line_start, f.line_start), max(c.line_end, f.line_end)
            ev = Evidence(analysis.doc.id, text[a:b], a, b)
            if f.field == "investors":
                out += _affiliated_investors(analysis, text, f, mentions, ev)
            for head in _field_heads(text, f, mentions):
                for rel, role in _RELATIONS[f.field]:
                    if rel == "invests_in" and head.type not in (PERSON, COMPANY, ORG):
                        continue
                    if rel != "invests_in" and head.type != PERSON:
                        continue
                    out.append(RelationMention(head, rel, company, ev, 0.9, role, analysis.doc.date, f.key))
    return out


def _affiliated_investors(analysis, text, f, mentions, ev) -> list[RelationMention]:
    """陆沉舟（星桥资本）in an investor list: the person works for the firm in brackets."""
    out = []
    for s, e in _items(text, f):
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        for p, o in zip(inside, inside[1:]):
            if p.type == PERSON and o.type in (COMPANY, ORG) and re.fullmatch(r"\s*[（(]\s*", text[p.end:o.start]) \
                    and re.match(r"\s*[）)]", text[o.end:]):
                out.append(RelationMention(p, "works_for", o, ev, 0.85, None, analysis.doc.date, f.key))
    return out


def investor_items(text: str) -> list[list[tuple[int, int]]]:
    """Per investor line of a card, its items' spans: the relation rules pair nothing across two items."""
    return [_items(text, f) for card in find_cards(text) for f in card.fields if f.field == "investors"]


def _field_heads(text: str, f: CardField, mentions: list[Mention]) -> list[Mention]:
    """Per item of the field, who it names: a person in it (饿了么创始人 X: X), else its first organisation."""
    heads = []
    for s, e in _items(text, f):
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        people = [m for m in inside if m.type == PERSON]
        if people:
            heads.append(people[0] if f.field != "investors" else people[-1])
        elif f.field == "investors":
            orgs = [m for m in inside if m.type in (COMPANY, ORG)]
            if orgs:
                heads.append(orgs[0])
    return heads
