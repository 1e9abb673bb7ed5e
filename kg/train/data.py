"""Training data for the NER model: public corpora mapped to kg types, plus domain template sentences.

Each corpus is read from a folder the caller names (never copied into the repository):

=====================  ==============================  ==============================================
corpus                 file                            labels kept (→ kg type)
=====================  ==============================  ==============================================
CLUENER2020 train      cluener2020/train.json          name→PERSON, company→COMPANY,
                                                       organization/government→ORG, position→TITLE
Resume NER train       resume_ner/train.char.bmes      NAME→PERSON, ORG→COMPANY or ORG (by suffix),
                                                       TITLE→TITLE
Weibo NER train        weibo_ner/weiboNER_2nd_conll    PER.NAM→PERSON, ORG.NAM→COMPANY or ORG (by suffix)
                       .train
domain templates       kg/train/domain.py              PERSON, ORG, COMPANY, TITLE, MODEL
DuIE 2.0 train subset  duie2/train_subset_5000.json    partial: subjects/objects typed 人物 (also 娱乐人物,
(opt-in: ``duie``)                                     历史人物)→PERSON, 企业→COMPANY, 机构/学校→ORG; the
                                                       rest of each sentence is *unknown*, not "no name"
silver (opt-in: ``silver``)  the file ``--silver`` names  real-news sentences labelled by LAC and kg's gazetteer
                                                       (:mod:`kg.train.silver`; PERSON, ORG, COMPANY, MODEL; some
                                                       spans unknown)
=====================  ==============================  ==============================================

DuIE annotates only the names that take part in a relation, so its other characters are marked unknown
(label ``MISSING`` over the span): spaCy's NER learns nothing from them either way.

Dev and test files are never read here. People's Daily has no train split in the datasets folder: evaluation only.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..evaluate_ner import Example, read_bio, read_cluener

CLUENER_TRAIN = {"name": "PERSON", "company": "COMPANY", "organization": "ORG", "government": "ORG",
                 "position": "TITLE"}
RESUME_TRAIN = {"NAME": "PERSON", "ORG": "ORG?", "TITLE": "TITLE"}
WEIBO_TRAIN = {"PER.NAM": "PERSON", "ORG.NAM": "ORG?"}
# "ORG?" = an organisation whose kind the corpus does not say: these suffixes make it a COMPANY
_COMPANY_SUFFIXES = ("公司", "集团", "银行", "证券", "基金", "保险", "信托", "有限", "股份", "控股", "科技", "实业",
                     "投资", "资本", "企业", "厂", "店", "所有限合伙", "事务所", "Inc", "Ltd", "Corp")
_ORG_SUFFIXES = ("大学", "学院", "学校", "中学", "研究院", "研究所", "研究中心", "实验室", "委员会", "协会", "学会",
                 "政府", "部", "局", "厅", "署", "院", "党委", "办公室", "联合会", "医院", "中心", "队", "会")


MISSING = "-"  # a span label: no annotation here (neither a name nor "no name")
DUIE_TYPES = {"人物": "PERSON", "娱乐人物": "PERSON", "历史人物": "PERSON", "企业": "COMPANY", "机构": "ORG",
              "学校": "ORG"}


def read_duie(path: str | Path) -> list[Example]:
    """DuIE JSON Lines → partially annotated examples: every occurrence of a typed subject or object is a
    span, longer names first; what no name covers is one ``MISSING`` span per gap."""
    import json

    out: list[Example] = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text, spo = obj["text"], obj["spo_list"]
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{path}:{lineno}: not a DuIE line ({err})") from None
        names: dict[str, str] = {}
        for t in spo:
            for name, typ in ((t.get("subject"), t.get("subject_type")),
                              ((t.get("object") or {}).get("@value"), (t.get("object_type") or {}).get("@value"))):
                label = DUIE_TYPES.get(typ or "")
                if label and isinstance(name, str) and len(name.strip()) >= 2 and name == name.strip():
                    names.setdefault(name, label)
        example = _partial(text, names)
        if example is not None:
            out.append(example)
    return out


def read_finre(path: str | Path) -> list[Example]:
    """FinRE (``head<TAB>tail<TAB>relation<TAB>sentence`` lines; Sina Finance news, companies only) →
    partially annotated examples, one per distinct sentence: every occurrence of a head or tail is a COMPANY
    span (ORG when the name ends like an institution and not like a company: 清华大学), the rest ``MISSING``.
    FinRE writes numbers as ``<N>``; they become ``1`` in text and names alike."""
    names_of: dict[str, dict[str, str]] = {}
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise InputError(f"{path}:{lineno}: not a FinRE line (head, tail, relation, sentence)")
        head, tail, _, text = (p.replace("<N>", "1") for p in parts)
        names = names_of.setdefault(text, {})
        for name in (head, tail):
            if len(name.strip()) >= 2 and name == name.strip():
                org = name.endswith(_ORG_SUFFIXES) and not name.endswith(_COMPANY_SUFFIXES)
                names.setdefault(name, "ORG" if org else "COMPANY")
    out = []
    for text, names in names_of.items():
        example = _partial(text, names)
        if example is not None:
            out.append(example)
    return out


def _partial(text: str, names: dict[str, str]) -> Example | None:
    """Every occurrence of each name (longer names first, no overlaps) as a span; one ``MISSING`` span per gap."""
    spans: list[tuple[int, int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, names[name]))
            start = text.find(name, end)
    if not spans:
        return None
    spans.sort()
    gaps, pos = [], 0
    for s, e, _ in spans:
        if s > pos:
            gaps.append((pos, s, MISSING))
        pos = e
    if pos < len(text):
        gaps.append((pos, len(text), MISSING))
    return text, tuple(sorted(spans + gaps))


@dataclass
class TrainingData:
    train: list[Example]
    heldout: list[Example]
    counts: dict[str, int] = field(default_factory=dict)


def resolve_org(name: str) -> str:
    """Resume/Weibo say ORG for companies and institutions alike: decide by the name's ending."""
    if name.endswith(_COMPANY_SUFFIXES):
        return "COMPANY"
    if name.endswith(_ORG_SUFFIXES):
        return "ORG"
    return "COMPANY" if "公司" in name or "集团" in name else "ORG"


def map_labels(examples: list[Example], label_map: dict[str, str]) -> list[Example]:
    out = []
    for text, spans in examples:
        kept = []
        for s, e, lab in spans:
            typ = label_map.get(lab)
            if typ == "ORG?":
                typ = resolve_org(text[s:e])
            if typ:
                kept.append((s, e, typ))
        out.append((text, tuple(_drop_overlaps(kept))))
    return out


def _drop_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest of overlapping spans (CLUENER has one overlapping pair)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


CORPORA = ("cluener", "resume", "weibo", "domain", "duie", "finre", "silver", "newsgold")


def load_training_data(data_dir: str | Path, *, corpora: tuple[str, ...] = ("cluener", "resume", "weibo", "domain"),
                       heldout_fraction: float = 0.05, domain_sentences: int = 1500, seed: int = 0,
                       dictionary_people: float = 0.0, foreign_people: float = 0.0,
                       split_seed: int | None = 0, duie_sentences: int | None = None,
                       finre_sentences: int | None = None, silver: str | Path | None = None,
                       silver_sentences: int | None = None, news: str | Path | None = None,
                       news_gold_splits: tuple[str, ...] | None = None, news_gold_repeat: int = 1) -> TrainingData:
    """Train examples from ``data_dir`` (a datasets folder with cluener2020/, resume_ner/, weibo_ner/) and a held-out slice of CLUENER train
    for early stopping. No dev file is read.

    ``split_seed`` picks the held-out slice (``None``: ``seed`` does, as it did before ``split_seed``), so runs with different
    ``seed`` values are scored on the same sentences and can be compared; ``seed`` orders the training
    examples and fills the templates. ``duie_sentences``, ``finre_sentences``, ``silver_sentences``: use that many
    DuIE, FinRE or silver sentences, drawn at random (default: all of them). ``silver``: the file of real-news
    sentences labelled by LAC (:mod:`kg.train.silver`) that the ``silver`` corpus reads. ``news``: the folder of
    real articles that the ``newsgold`` corpus reads (:mod:`kg.train.news_gold`), the gold of ``news_gold_splits``
    projected onto their sentences, each example ``news_gold_repeat`` times."""
    unknown = [name for name in corpora if name not in CORPORA]
    if unknown:
        raise InputError(f"unknown training corpus {unknown[0]!r}: choose from {', '.join(CORPORA)}")
    root = Path(data_dir)
    cluener = root / "cluener2020" / "train.json"
    if "cluener" in corpora and not cluener.is_file():
        raise InputError(f"{cluener} not found: pass --data the folder that holds cluener2020/, resume_ner/, "
                         "weibo_ner/ (the kg team's shared datasets folder)")
    rng = random.Random(seed)
    train: list[Example] = []
    heldout: list[Example] = []
    counts: dict[str, int] = {}
    if "cluener" in corpora:
        examples = map_labels(read_cluener(cluener), CLUENER_TRAIN)
        order = list(range(len(examples)))
        rng.shuffle(order)
        split = order
        if split_seed is not None and split_seed != seed:
            split = list(range(len(examples)))
            random.Random(split_seed).shuffle(split)
        n_held = int(len(examples) * heldout_fraction)
        held = set(split[:n_held])
        heldout = [examples[i] for i in split[:n_held]]
        examples = [examples[i] for i in order if i not in held]
        train += examples
        counts["cluener_train"] = len(examples)
        counts["cluener_heldout"] = len(heldout)
    for name, rel, label_map in (("resume", "resume_ner/train.char.bmes", RESUME_TRAIN),
                                 ("weibo", "weibo_ner/weiboNER_2nd_conll.train", WEIBO_TRAIN)):
        if name in corpora:
            path = root / rel
            if not path.is_file():
                raise InputError(f"{path} not found: drop '{name}' from --corpora or pass the right --data")
            examples = map_labels(read_bio(path), label_map)
            train += examples
            counts[f"{name}_train"] = len(examples)
    for name, rel, reader, limit in (("duie", "duie2/train_subset_5000.json", read_duie, duie_sentences),
                                     ("finre", "finre/train.txt", read_finre, finre_sentences)):
        if name in corpora:  # partially annotated: only the names in a relation are marked
            path = root / rel
            if not path.is_file():
                raise InputError(f"{path} not found: drop '{name}' from --corpora or pass the right --data")
            examples = reader(path)
            if limit is not None and limit < len(examples):
                examples = random.Random(seed).sample(examples, limit)
            train += examples
            counts[f"{name}_train_partial"] = len(examples)
    if "silver" in corpora:
        from .silver import read_silver

        if silver is None:
            raise InputError("--corpora ...,silver needs --silver FILE (made by `python -m kg.train silver`)")
        examples = read_silver(silver)
        if silver_sentences is not None and silver_sentences < len(examples):
            examples = random.Random(seed).sample(examples, silver_sentences)
        train += examples
        counts["silver_news"] = len(examples)
    if "newsgold" in corpora:
        from .news_gold import DEFAULT_SPLITS, news_gold_examples

        if news is None:
            raise InputError("--corpora ...,newsgold needs --news (the folder of real articles, ../shared/news)")
        tally: dict = {}
        examples = news_gold_examples(news, news_gold_splits or DEFAULT_SPLITS, seed=seed, counts=tally)
        train += examples * max(1, news_gold_repeat)
        counts["news_gold"] = len(examples)
        counts["news_gold_repeat"] = max(1, news_gold_repeat)
        counts["news_gold_detail"] = tally
    if "domain" in corpora and domain_sentences:
        from .domain import domain_examples

        examples = domain_examples(domain_sentences, seed=seed, dictionary_share=dictionary_people,
                                   foreign_share=foreign_people)
        train += examples
        counts["domain_templates"] = len(examples)
    rng.shuffle(train)
    return TrainingData(train, heldout, counts)
