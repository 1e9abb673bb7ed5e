"""A learned pair model beside the rules: it reads two typed mentions of one sentence and the words around them,
and says which of the twelve relations (if any) the sentence states between them.

The rules run first and stay; the model adds the relations it scores above its threshold that the rules did not
give for that pair in that sentence (``trigger="model"``, confidence = probability × :data:`CONFIDENCE_SCALE`, so
below the rules'). ``KG_RELATIONS=rules|model|both`` (default ``both``) switches it for ablations.

- **Candidates** (:func:`candidates`): per sentence as the rules read it (a rumour or a question dropped, a
  question's statement kept), pairs of core mentions (no aliases; a pronoun the discourse module resolved counts,
  as its antecedent's entity) at most :data:`MAX_GAP` characters apart, whose types fit some relation, not of one
  entity, with no negation between them (并未, 否认); the :data:`MAX_PAIRS` closest per sentence.
- **Input** (:func:`pair_words`): the engine's own words from :data:`CONTEXT` words before the first mention to
  :data:`CONTEXT` after the second, the outer ones marked ``L|``/``R|``; the first mention is ``<H:TYPE>``, the
  second ``<T:TYPE>``, any other ``<E:TYPE>``; digits become 0, Latin lower case, ASCII punctuation full width;
  and a few feature words in front (distance, a clause break between, entities between, the types, pronouns).
- **Labels** (:data:`LABELS`): a relation whose direction the types decide (works_for: the PERSON is the head) is
  one label; the four whose head and tail types overlap (founded, part_of, invests_in, acquires) have ``>`` (the
  first mention is the head) and ``<``; competes_with and partners_with are undirected.
- **Model**: spaCy ``textcat_multilabel`` with ``spacy.TextCatBOW.v3`` (hashed word n-grams, one logistic output
  per label), trained by ``python -m kg.train relations`` (docs/MODEL_CARD.md). Its folder holds weights and label
  names only: the documents it reads are made with a fresh vocabulary, so no word of any text is stored.

An analysis without tokens (a hand-built one in a rule test) has no input for the model: it gets the rules alone.
"""
from __future__ import annotations

import bisect
import hashlib
import logging
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import EngineError, KgError
from ...schema import COMPANY, MODEL, ORG, PERSON, RELATIONS
from ...types import Analysis, Evidence, Mention, RelationMention, Sentence
from ._base import _ADVISED_BY, SYMMETRIC, _Ctx, _date, _kin, _ok, _same
from .triggers import _UNIT_OF, _clause_start, _served_there, speculative

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "relations"
ENV = "KG_RELATIONS"
MODES = ("rules", "model", "both")
DEFAULT_MODE = "both"
MAX_GAP = 80  # characters between the two mentions of a pair
MAX_PAIRS = 20  # per sentence, closest first
CONTEXT = 3  # words before the first mention and after the second
CONFIDENCE_SCALE = 0.8  # a model relation's confidence is its probability times this: below the rules'
DEFAULT_THRESHOLD = 0.5
DIRECTED = ("acquires", "founded", "invests_in", "part_of")  # head and tail types overlap: the label gives the way
ONE_HEAD = frozenset({"acquires", "part_of", "develops"})  # one sentence gives a target, unit or model one buyer, parent, maker
LABELS: tuple[str, ...] = tuple(sorted(
    [r for r in RELATIONS if r not in DIRECTED] + [r + d for r in DIRECTED for d in "><"]))
PIPE = "textcat_multilabel"
VOCAB_LIMIT = 200_000  # strings the scratch vocabulary of the model's input may hold before it is renewed

NEGATION = re.compile(r"并未|未曾|没有|否认|并非|尚未|不会|不再|拒绝|从未|未(?![来知])")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_DIGITS = re.compile(r"\d+")
_ASCII_PUNCT = str.maketrans(",;:?!()", "，；：？！（）")


def relations_mode() -> str:
    """``rules``, ``model`` or ``both``, from ``KG_RELATIONS`` (default ``both``)."""
    value = os.environ.get(ENV, "").strip().lower() or DEFAULT_MODE
    if value not in MODES:
        raise KgError(f"{ENV}={value!r} is not a relation mode; use one of {', '.join(MODES)} (default {DEFAULT_MODE})")
    return value


# --- candidates and their input -------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    """Two mentions of one sentence, ``first`` before ``second`` in the text, and the model's input words."""

    first: Mention
    second: Mention
    sentence: Sentence
    words: tuple[str, ...]


def fits(a: Mention, b: Mention) -> bool:
    """Does some relation take these two types, one way or the other?"""
    for rel, t in RELATIONS.items():
        if rel in SYMMETRIC:
            if a.type in t.head and b.type in t.head and _kin(a) == _kin(b):
                return True
        elif (a.type in t.head and b.type in t.tail) or (b.type in t.head and a.type in t.tail):
            return True
    return False


def candidate_pairs(text: str, mentions: tuple[Mention, ...] | list[Mention]) -> list[tuple[Mention, Mention]]:
    """The pairs of one sentence's ``mentions`` the model scores, closest first (see the module docstring)."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    pairs = []
    for i, a in enumerate(ms):
        for b in ms[i + 1:]:
            gap = b.start - a.end
            if gap > MAX_GAP:
                break
            if gap < 0 or _same(a, b) or not fits(a, b) or NEGATION.search(text, a.end, b.start):
                continue
            pairs.append((gap, a.start, a, b))
    pairs.sort(key=lambda p: (p[0], p[1]))
    return [(a, b) for *_, a, b in pairs[:MAX_PAIRS]]


def candidates(analysis: Analysis, clauses) -> list[Candidate]:
    """The candidate pairs of ``clauses`` (``(sentence, its mentions)`` as the rules read them), with input words."""
    tokens = analysis.tokens
    if not tokens:
        return []
    text = analysis.doc.text
    starts = [t.start for t in tokens]
    out = []
    for sent, ms in clauses:
        pairs = candidate_pairs(text, ms)
        if not pairs:
            continue
        toks = tokens[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]
        toks = [t for t in toks if t.end <= sent.end]
        units = _units(text, toks, ms)
        bounds = ([t.end for t in toks], [t.start for t in toks])
        for a, b in pairs:
            out.append(Candidate(a, b, sent, pair_words(text, toks, ms, a, b, units=units, bounds=bounds)))
    return out


def pair_words(text: str, tokens, mentions, first: Mention, second: Mention, *, units=None,
               bounds=None) -> tuple[str, ...]:
    """The model's input for one pair: feature words, then the window of the sentence's ``tokens``.
    ``units``: :func:`_units` of these tokens and mentions, and ``bounds``: the tokens' ends and starts, when the
    caller has them (one sentence, many pairs)."""
    between = [m for m in mentions if first.end <= m.start and m.end <= second.start]
    gap = second.start - first.end
    feats = [f"#gap{_bucket(gap)}", f"#{first.type}>{second.type}", f"#ents{min(len(between), 2)}"]
    if any(m.type == first.type for m in between):
        feats.append("#sameH")  # a list: 红杉、高瓴和 IDG 领投
    if any(m.type == second.type for m in between):
        feats.append("#sameT")
    if _CLAUSE_BREAK.search(text, first.end, second.start):
        feats.append("#clause")
    if first.source == "coref":
        feats.append("#Hcoref")
    if second.source == "coref":
        feats.append("#Tcoref")
    if units is None:
        units = _units(text, tokens, mentions)
    ends, starts = bounds if bounds is not None else ([t.end for t in tokens], [t.start for t in tokens])
    i0 = bisect.bisect_right(ends, first.start)  # the first token that ends inside or after it
    i1 = bisect.bisect_left(starts, second.end) - 1  # the last token that starts before its end
    mid = _words(units[i0:i1 + 1], first, second)
    head, tail = _placeholder(first, first, second), _placeholder(second, first, second)
    if head not in mid:
        mid.insert(0, head)  # no token covers the mention (tokens missing): it still has its place
    if tail not in mid:
        mid.append(tail)
    return (*feats,
            *("L|" + w for w in _words(units[max(0, i0 - CONTEXT):max(0, i0)], first, second)),
            *mid,
            *("R|" + w for w in _words(units[i1 + 1:i1 + 1 + CONTEXT], first, second)))


def _units(text: str, tokens, mentions) -> list[tuple]:
    """Per token: the mentions it overlaps, or (when none) its normalised word and the word's lexicon classes."""
    lexicon = _lexicon()
    # the tokens each mention overlaps, by bisection (tokens are sorted and do not overlap): a token's mentions
    # keep the mentions' order
    ends, starts = [t.end for t in tokens], [t.start for t in tokens]
    overs: list[list] = [[] for _ in tokens]
    for m in mentions:
        for k in range(bisect.bisect_right(ends, m.start), bisect.bisect_left(starts, m.end)):
            overs[k].append(m)
    out = []
    for t, over in zip(tokens, overs):
        if over:
            out.append((tuple(over), ()))
        else:
            w = _norm(text[t.start:t.end])
            out.append(((), (w, *lexicon.get(w, ())) if w else ()))
    return out


def _words(units, first: Mention, second: Mention) -> list[str]:
    """Tokens' units as words, each run of tokens over one mention as that mention's placeholder."""
    out: list[str] = []
    last = None
    for over, words in units:
        if not over:
            out += words
            last = None
            continue
        for m in over:
            if m is not last:
                out.append(_placeholder(m, first, second))
                last = m
    return out


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    """Word → the classes kg's lexicon gives it: ``@acquires`` for a trigger word of acquires, ``@lead`` for a
    title that heads (``kg/resources/triggers.tsv``, ``titles.tsv``); a class follows its word in the input, so
    that a trigger seen in one corpus counts for the others of its class."""
    from ...resources_data import titles, triggers

    out: dict[str, set[str]] = {}
    for t in triggers():
        out.setdefault(_norm(t.word), set()).add("@" + t.relation)
    for word, kind in titles().items():
        out.setdefault(_norm(word), set()).add("@" + kind)
    return {w: tuple(sorted(c)) for w, c in out.items() if w}


def _placeholder(m: Mention, first: Mention, second: Mention) -> str:
    role = "H" if m is first else "T" if m is second else "E"
    return f"<{role}:{m.type}>"


def _norm(word: str) -> str:
    return _DIGITS.sub("0", word.strip().lower().translate(_ASCII_PUNCT))


def _bucket(gap: int) -> int:
    return next(i for i, top in enumerate((0, 2, 6, 15, 30, MAX_GAP)) if gap <= top) if gap <= MAX_GAP else 6


# --- labels -----------------------------------------------------------------------------------------
def label_of(relation: str, head: Mention, tail: Mention, first: Mention) -> str:
    """The class of ``head relation tail`` for the pair whose first mention in the text is ``first``."""
    if relation in DIRECTED:
        return relation + (">" if (head.start, head.end) == (first.start, first.end) else "<")
    return relation


def decode(label: str, first: Mention, second: Mention) -> tuple[str, Mention, Mention] | None:
    """``(relation, head, tail)`` that ``label`` says of the pair, or None where the types do not allow it."""
    if label[-1] in "><":
        rel = label[:-1]
        head, tail = (first, second) if label[-1] == ">" else (second, first)
    else:
        rel = label
        if rel in SYMMETRIC:
            if _kin(first) != _kin(second) or (rel == "partners_with" and MODEL in (first.type, second.type)):
                return None
            head, tail = first, second
        else:
            head, tail = (first, second) if _ok(rel, first, second) else (second, first)
    return (rel, head, tail) if _ok(rel, head, tail) else None


# --- the model -----------------------------------------------------------------------------------
class RelationModel:
    """A loaded pair classifier: :meth:`scores` gives one probability per label and candidate."""

    def __init__(self, nlp, settings: dict | None = None):
        self.nlp = nlp
        self.pipe = nlp.get_pipe(PIPE)
        self.labels: tuple[str, ...] = tuple(self.pipe.labels)
        settings = settings or {}
        self.threshold = float(settings.get("threshold", DEFAULT_THRESHOLD))
        self.thresholds = {k: float(v) for k, v in settings.get("thresholds", {}).items()}  # per label, if any
        self._vocab = None
        self._lock = threading.Lock()

    def scores(self, words: list[tuple[str, ...]]):
        """A (candidates × labels) array of probabilities. The docs are made with a vocabulary of this object's
        own, not the pipeline's (features are string hashes, the same in any vocabulary), renewed once it holds
        :data:`VOCAB_LIMIT` strings, so that a long-running process does not grow."""
        from spacy.tokens import Doc
        from spacy.vocab import Vocab

        with self._lock:
            if self._vocab is None or len(self._vocab.strings) > VOCAB_LIMIT:
                self._vocab = Vocab()
            docs = [Doc(self._vocab, words=list(w) or ["#empty"]) for w in words]
            return self.pipe.model.predict(docs)

    def threshold_for(self, label: str) -> float:
        return self.thresholds.get(label, self.threshold)


_cache: dict[str, RelationModel | None] = {}
_lock = threading.Lock()


def load_relation_model(path: str | Path | None = None) -> RelationModel | None:
    """The packaged model (default) or one saved by ``python -m kg.train relations``, loaded once per process;
    None when the folder has no model (the rules then run alone)."""
    model_dir = Path(path) if path is not None else MODEL_DIR
    key = str(model_dir.resolve())
    with _lock:
        if key not in _cache:
            _cache[key] = _load(model_dir) if (model_dir / "config.cfg").is_file() else None
        return _cache[key]


def _load(model_dir: Path) -> RelationModel:
    try:
        import spacy
    except ImportError:
        raise EngineError("the relation model needs spaCy: pip install 'spacy>=3.8,<3.9'") from None
    try:
        nlp = spacy.load(model_dir)
    except (OSError, ValueError, KeyError) as err:
        raise EngineError(f"cannot load the relation model at {model_dir} ({err}); retrain it with "
                          "`python -m kg.train relations` or reinstall kg") from None
    return RelationModel(nlp, nlp.meta.get("kg", {}).get("inference", {}))


@lru_cache(maxsize=4)
def model_hash(path: str | None = None) -> str | None:
    """A hash of the model folder's files (None when there is none): part of a checkpoint's settings."""
    root = Path(path) if path is not None else MODEL_DIR
    if not (root / "config.cfg").is_file():
        return None
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0" + p.read_bytes())
    return h.hexdigest()


# --- relations --------------------------------------------------------------------------------------
def model_relations(analysis: Analysis, clauses, rules: list[RelationMention], *,
                    model: RelationModel) -> list[RelationMention]:
    """The relations ``model`` adds to ``rules`` in ``clauses`` (``(sentence, mentions)`` pairs)."""
    clauses = list(clauses)
    cands = candidates(analysis, clauses)
    if not cands:
        return []
    sent_mentions = {sent.start: ms for sent, ms in clauses}
    probs = model.scores([c.words for c in cands])
    given: dict[tuple, list[tuple[int, int]]] = {}
    taken: dict[tuple, list[tuple[int, int]]] = {}  # (relation, tail) → the sentences where the rules gave it a head
    holders: dict[str, list[tuple[int, int, Mention]]] = {}  # organisation → (sentence, person) given a post by title
    for r in rules:
        given.setdefault(_triple(r.head, r.relation, r.tail), []).append((r.evidence.start, r.evidence.end))
        if r.relation in ONE_HEAD:
            taken.setdefault((r.relation, r.tail.key or r.tail.text), []).append((r.evidence.start, r.evidence.end))
        if r.relation == "invests_in":
            taken.setdefault(("investor", r.head.key or r.head.text), []).append((r.evidence.start, r.evidence.end))
        if r.relation in ("works_for", "leads", "founded") and r.trigger is None:
            taken.setdefault(("titled", r.head.key or r.head.text), []).append((r.evidence.start, r.evidence.end))
            taken.setdefault(("title_org", r.tail.key or r.tail.text), []).append((r.evidence.start, r.evidence.end))
            holders.setdefault(r.tail.key or r.tail.text, []).append((r.evidence.start, r.evidence.end, r.head))
    import numpy

    bar = numpy.array([model.threshold_for(label) for label in model.labels], dtype="f")
    out = []
    for ci in numpy.flatnonzero((numpy.asarray(probs) >= bar).any(axis=1)):
        c, row = cands[ci], probs[ci]
        best: dict[str, tuple[float, tuple]] = {}
        for label, p, t in zip(model.labels, row, bar):
            p = float(p)
            if p < t:
                continue
            found = decode(label, c.first, c.second)
            if found is None:
                continue
            rel = found[0]
            if rel not in best or p > best[rel][0]:  # founded> and founded< both high: the likelier way
                best[rel] = (p, found)
        for p, (rel, head, tail) in best.values():
            if rel == "develops" and head.type == PERSON:
                continue  # X 透露，自推出 Y 以来: a person named near a model mostly speaks of it (the rules read 研发/作者)
            if head.start < tail.start and _served_there(_Ctx(analysis, c.sentence, ()), head, c.sentence.start, tail.start):
                continue  # 曾担任 Y Combinator 总裁并投资了 Stripe: the organisation is where someone served
            first, second = (head, tail) if head.start < tail.start else (tail, head)
            if rel in ("invests_in", "acquires") and speculative(
                    analysis.doc.text, _clause_start(analysis.doc.text, c.sentence.start, first.start), second.start):
                continue  # 微软可能会…收购 X: the sentence speculates (the rules skip it too)
            spans = given.get(_triple(head, rel, tail), ())
            if any(s < c.sentence.end and c.sentence.start < e for s, e in spans):
                continue  # the rules gave it in this sentence
            if any(s < c.sentence.end and c.sentence.start < e for s, e in taken.get((rel, tail.key or tail.text), ())):
                continue  # A 收购 X，B 收购 Y: the rules gave Y its buyer here; the model's other buyer is a misreading
            if rel == "invests_in" and any(s < c.sentence.end and c.sentence.start < e
                                           for s, e in taken.get(("investor", tail.key or tail.text), ())):
                continue  # 由 A 支持的 X，由 B 领投: A invests here, by the rules; B invests in X, not in A
            if rel in ("leads", "works_for") and any(s < c.sentence.end and c.sentence.start < e
                                                     for s, e in taken.get(("titled", head.key or head.text), ())):
                continue  # 投资人包括 A、YC CEO X: the rules read X's title here (works_for YC); X does not head A
            if rel in ("invests_in", "acquires", "part_of") and any(
                    s < c.sentence.end and c.sentence.start < e
                    for m in (head, tail) for s, e in taken.get(("title_org", m.key or m.text), ())):
                continue  # 由 A 领投，投资人还有青禾电子创始人 X: 亚马逊 names X's post here, it takes no investment
            if rel in _PERSON_POSTS and head.type == PERSON and (
                    _bare_title_before(analysis.doc.text, c.sentence.start, head)
                    or _in_org_list(analysis.doc.text, tail, sent_mentions.get(c.sentence.start, ()))):
                continue  # 两家公司合作，CEO 王磊表示: the rules read the bare title and could not tell whose; 来自 A、B 的 P
            if rel in ("founded", "works_for", "leads") and head.type == PERSON and any(
                    s < c.sentence.end and c.sentence.start < e and _who(who) != _who(head)
                    and not _joined_to(analysis.doc.text, who, head) for s, e, who in holders.get(tail.key or tail.text, ())) \
                    and not _titled_person(analysis.doc.text, c.sentence.start, head, tail,
                                           sent_mentions.get(c.sentence.start, ())):
                continue  # 青禾创始人林远对张伟赞不绝口: the title is 林远's (the rules read it); 张伟 has none here
            if rel in ("works_for", "leads") and any(
                    s < c.sentence.end and c.sentence.start < e for s, e in given.get(_triple(head, "invests_in", tail), ())):
                continue  # 青禾天使投资人 X: an investor (the rules read it), not an employee
            if rel == "works_for" and any(
                    s < c.sentence.end and c.sentence.start < e for s, e in given.get(_triple(head, "joined", tail), ())) \
                    and not _titled_person(analysis.doc.text, c.sentence.start, head):
                continue  # 这次加入青禾的林远: a bare 加入 is joined only, as the rules read it
            if rel in _PERSON_POSTS and head.type == PERSON and tail.start > head.start \
                    and _ADVISOR_BEFORE.search(analysis.doc.text, max(c.sentence.start, head.start - 8), head.start):
                continue  # X，博士生，导师为 Y，本科就读于 Z: the bio after the advisor's name is still the student's
            if rel == "founded" and tail.start > head.start and _UNIT_OF.match(analysis.doc.text, tail.end) \
                    and _FOUNDING_VERB.search(analysis.doc.text, max(c.sentence.start, tail.start - 6), tail.start):
                continue  # 创立了微软亚洲研究院的语音组: a unit of the organisation was founded, not the organisation
            if rel in _PERSON_POSTS and head.type == PERSON \
                    and _NOT_EMPLOYER_BEFORE.search(analysis.doc.text, max(c.sentence.start, tail.start - 4), tail.start):
                continue  # 如果我使用谷歌, 在接受红杉资本采访时: what the person uses or talks to (和/与 X: often a post)
            if rel in _PERSON_POSTS and _ON_PLATFORM.search(analysis.doc.text, max(0, tail.start - 3), tail.start) \
                    and _PLATFORM_AFTER.match(analysis.doc.text, tail.end):
                continue  # 经常在 Quora 上回答问题: a site the person writes on, not an employer (在腾讯上班 is one)
            ctx = _Ctx(analysis, c.sentence, ())
            ev = Evidence(analysis.doc.id, c.sentence.text, c.sentence.start, c.sentence.end)
            out.append(RelationMention(head, rel, tail, ev, round(p * CONFIDENCE_SCALE, 2), None, _date(ctx), "model"))
    return out


_PERSON_POSTS = frozenset({"works_for", "leads", "founded", "joined", "departed_from", "educated_at"})
# what a person uses or is interviewed by is no employer (如果我使用谷歌, 在接受红杉资本采访时)
_NOT_EMPLOYER_BEFORE = re.compile(r"(?:使用|接受|采访|访问|参观|拜访|对话)\s*$")
_ON_PLATFORM = re.compile(r"在\s*$")
_PLATFORM_AFTER = re.compile(r"\s*(?:平台|网站|社区|论坛)?\s*上(?!班|市|岗|任|学|课)")
_FOUNDING_VERB = re.compile(r"(?:创立|创办|成立|组建)了?\s*$")
# the words that make the next name a student's advisor (导师为 Y, 师从 Y), not the subject of the clauses after it
_ADVISOR_BEFORE = _ADVISED_BY
_LIST_JOIN = re.compile(r"\s*(?:、|和|与|及|以及)\s*")


@lru_cache(maxsize=1)
def _titles_longest_first() -> tuple[str, ...]:
    from ...resources_data import titles

    return tuple(sorted(titles(), key=len, reverse=True))


def _bare_title_before(text: str, sent_start: int, person: Mention) -> bool:
    """A job title right before the person with no organisation joined to it (，CEO 王磊): whose post it is, the rules
    decide from the title's place in the sentence; where they gave none, the sentence leaves it open."""
    before = text[max(sent_start, person.start - 12):person.start].rstrip()
    if not before:
        return False
    for t in _titles_longest_first():
        if before.endswith(t) and (len(before) == len(t) or before[-len(t) - 1] in "，,。；;：: \u3000、"):
            return True
    return False


def _who(m: Mention) -> str:
    return (m.key or m.text).lstrip("=")  # (他 after 高阳 has the key =高阳)


_BRACKETED = re.compile(r"[（(][^（）()]{0,40}[）)]")


def _joined_to(text: str, a: Mention, b: Mention) -> bool:
    """Two people joined by 和/、/与, asides in brackets aside (创始人 A（…）和 B（…））: a title before the list is both's."""
    first, second = (a, b) if a.end <= b.start else (b, a)
    if first.end > second.start:
        return False
    gap = _BRACKETED.sub("", text[first.end:second.start])
    if _LIST_JOIN.fullmatch(gap):
        return True
    # A（Ann Lee）和 B（Bo Chen）: the names in brackets too, where the second's bracket opens right before it
    opened = _OPEN_ASIDE.search(gap)
    gap = _CLOSE_ASIDE.sub("", gap[:opened.start()] if opened else gap)
    return bool(_LIST_JOIN.fullmatch(_NAME_BEFORE_BRACKET.sub("", gap) if opened else gap))


_CLOSE_ASIDE = re.compile(r"^[^（(）)]{0,40}[）)]")
_OPEN_ASIDE = re.compile(r"[（(][^（(）)]{0,40}$")
_NAME_BEFORE_BRACKET = re.compile(r"[^\s、，,和与及]{2,12}$")


def _titled_person(text: str, sent_start: int, person: Mention, org: Mention | None = None, mentions=()) -> bool:
    """A job title right before the person or within a few characters after (CTO 张伟, 张伟，CTO; 张伟担任 CTO): the
    person has a post of their own in the sentence; but not one that another organisation holds right before it
    (苹果创始人A和谷歌创始人B: B's title is 谷歌's)."""
    window = text[max(sent_start, person.start - 8):person.start]
    before = window.rstrip()
    after = text[person.end:person.end + 10]
    for t in _titles_longest_first():
        if before.endswith(t):
            at = person.start - (len(window) - len(before)) - len(t)  # where the title starts
            owner = next((m for m in mentions if m.type in (ORG, COMPANY) and m.end <= at
                          and re.fullmatch(r"\s*(?:的)?\s*", text[m.end:at])), None)
            return owner is None or org is None or owner.start == org.start
        if t in after:
            return True
    return False


def _in_org_list(text: str, org: Mention, mentions) -> bool:
    """``org`` is one of organisations joined by 、/和/与 (来自 A、B 的 P): the list, not one of its items, is what
    the sentence ties the person to."""
    for m in mentions:
        if m is org or m.type not in (ORG, COMPANY):
            continue
        a, b = (m, org) if m.end <= org.start else (org, m)
        if a.end <= b.start and _LIST_JOIN.fullmatch(text[a.end:b.start]):
            return True
    return False


def _triple(head: Mention, rel: str, tail: Mention) -> tuple[str, str, str]:
    h, t = head.key or head.text, tail.key or tail.text
    if rel in SYMMETRIC and h > t:
        h, t = t, h
    return h, rel, t
