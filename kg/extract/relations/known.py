"""Who makes well-known models (``kg/resources/model_makers.tsv``): 腾讯 and 混元 named in one sentence give
腾讯 develops 混元 where no rule read a verb between them (腾讯在发布会上展示了混元的新能力). The reader of tech news
knows who makes ChatGPT; kg gives the relation only where the sentence names both, so the evidence shows it."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from ...resources_data import RESOURCES, read_rows
from ...schema import COMPANY, MODEL, ORG
from ...types import Analysis, Mention, RelationMention
from ._base import _Ctx, _ok, _rel


@lru_cache(maxsize=1)
def model_makers() -> tuple[tuple[str, str], ...]:
    """(prefix, maker) pairs, longest prefix first."""
    rows = [(cols[0], cols[1]) for _, cols in read_rows(RESOURCES / "model_makers.tsv", 2)]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def maker_of(model: Mention) -> str | None:
    """The maker the table gives for ``model`` (by its canonical name, else its text), or None."""
    for name in dict.fromkeys(n for n in (model.key.lstrip("=") if model.key else None, model.text) if n):
        for prefix, maker in model_makers():
            if name.lower().startswith(prefix.lower()):
                rest = name[len(prefix):]
                if not rest or not (prefix[-1].isascii() and prefix[-1].isalpha() and rest[0].isascii() and rest[0].isalpha()):
                    return maker  # GPT-4o, Gemini 2.5 (not Grokking, Sorano)
    return None


def known_makers(analysis: Analysis, clauses: Iterable[tuple], have: set) -> Iterator[RelationMention]:
    """``develops`` from the table for a model and its maker named in one sentence, where the rules gave none."""
    for sent, ms in clauses:
        models = [m for m in ms if m.type == MODEL]
        if not models:
            continue
        orgs = [m for m in ms if m.type in (COMPANY, ORG)]
        ctx = _Ctx(analysis, sent, ms)
        for model in models:
            maker = maker_of(model)
            if maker is None:
                continue
            for org in orgs:
                if (org.key or "").lstrip("=") == maker or org.text == maker:
                    key = (org.key or org.text, model.key or model.text)
                    if key not in have and _ok("develops", org, model):
                        have.add(key)
                        yield _rel(ctx, "develops", org, model, 0.55, trigger="known maker")
                    break
