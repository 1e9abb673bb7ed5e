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
=====================  ==============================  ==============================================

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


def load_training_data(data_dir: str | Path, *, corpora: tuple[str, ...] = ("cluener", "resume", "weibo", "domain"),
                       heldout_fraction: float = 0.05, domain_sentences: int = 1500, seed: int = 0) -> TrainingData:
    """Train examples from ``data_dir`` (a datasets folder with cluener2020/, resume_ner/, weibo_ner/) and a held-out slice of CLUENER train
    for early stopping. No dev file is read."""
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
        rng.shuffle(examples)
        n_held = int(len(examples) * heldout_fraction)
        heldout, examples = examples[:n_held], examples[n_held:]
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
    if "domain" in corpora and domain_sentences:
        from .domain import domain_examples

        examples = domain_examples(domain_sentences, seed=seed)
        train += examples
        counts["domain_templates"] = len(examples)
    rng.shuffle(train)
    return TrainingData(train, heldout, counts)
