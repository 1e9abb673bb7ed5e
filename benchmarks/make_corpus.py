"""Make a deterministic benchmark corpus from data/samples.

Each document joins several sample articles (about ``--chars`` characters in all) and swaps the
names the gold annotations list (data/eval/gold.jsonl) for other names of the same type: companies,
labs and models from kg's gazetteer, plus made-up companies, labs and people. The same seed always
gives the same bytes.

``--names zipf`` (default): names are drawn from fixed pools (gazetteer names; 20,000 made-up people,
the made-up companies, labs and models) with Zipf weights (rank⁻¹), as in real news, where a few
names recur in most articles and new ones keep appearing more and more rarely: the graph keeps
growing with the corpus, sublinearly. ``--names fresh``: a new random name almost every time (the
graph grows linearly with the documents; the corpus of the first benchmark runs).

    python benchmarks/make_corpus.py --docs 1000 --out /tmp/kg-bench/corpus-1k.jsonl
    python benchmarks/make_corpus.py --docs 200 --out /tmp/kg-bench/c200 --format txt
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
GOLD = ROOT / "data" / "eval" / "gold.jsonl"
GAZETTEER = ROOT / "kg" / "resources" / "gazetteer"

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞宇浩然子轩梓涵一诺欣怡思远嘉树晓川知远砚秋宁博文昊天雨泽俊熙睿晨"
_MADE_UP_HEAD = "澄言星衍极光深流云岫数衡启元灵犀知微观澜墨语天枢远识青禾智澜百观九章"
_COMPANY_TAIL = ("智能", "科技", "AI", "机器人", "数据")
_ORG_TAIL = ("研究院", "实验室", "AI Lab", "研究中心")
_MODEL_TAIL = ("-7B", " 2.5", " Pro", "-Coder", " Turbo", " V3", "-Max")


def _gazetteer_names() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted(GAZETTEER.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) >= 2:
                out.setdefault(cols[1].strip().upper(), []).append(cols[0].strip())
    return out


def _articles() -> list[tuple[str, list[tuple[str, str]]]]:
    """(body text, [(name, type)]) for each sample; the body drops the title and source lines."""
    gold = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            names = []
            for e in rec["entities"]:
                names += [(n, e["type"]) for n in (e["name"], *e.get("aliases", []))]
            gold[rec["doc"]] = names
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        body = "\n\n".join(paras[2:] if len(paras) > 3 else paras)
        out.append((body, gold.get(path.stem, [])))
    return out


class _Namer:
    """``fresh`` names: a new random combination each time."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.gaz = _gazetteer_names()

    def person(self) -> str:
        r = self.rng
        return r.choice(_SURNAMES) + "".join(r.choice(_GIVEN) for _ in range(r.choice((1, 2, 2))))

    def made_up(self) -> str:
        return "".join(self.rng.choice(_MADE_UP_HEAD) for _ in range(2))

    def name(self, typ: str) -> str:
        r = self.rng
        if typ == "PERSON":
            return self.person()
        if typ == "LOCATION":
            return r.choice(self.gaz.get("LOCATION", ["北京"]))
        made_up = r.random() < 0.35
        if typ == "COMPANY":
            return self.made_up() + r.choice(_COMPANY_TAIL) if made_up else r.choice(self.gaz["COMPANY"])
        if typ == "ORG":
            return self.made_up() + r.choice(_ORG_TAIL) if made_up else r.choice(self.gaz.get("ORG", ["清华大学"]))
        if typ == "MODEL":
            return self.made_up() + r.choice(_MODEL_TAIL) if made_up else r.choice(self.gaz["MODEL"])
        return r.choice(self.gaz.get(typ, ["腾讯"]))


class _ZipfNamer(_Namer):
    """Names from fixed pools, rank r drawn with weight 1/r: a few recur everywhere, the tail keeps growing."""

    PEOPLE = 20000

    def __init__(self, rng: random.Random):
        super().__init__(rng)
        pools_rng = random.Random(rng.random())
        people: dict[str, None] = {}
        while len(people) < self.PEOPLE:
            people[_Namer.person(self)] = None
        heads = [a + b for a in _MADE_UP_HEAD for b in _MADE_UP_HEAD]
        self.pools = {"PERSON": list(people)}
        for typ, tails in (("COMPANY", _COMPANY_TAIL), ("ORG", _ORG_TAIL), ("MODEL", _MODEL_TAIL)):
            made_up = [h + t for h in heads for t in tails]
            self.pools[typ] = made_up
            self.pools["GAZ_" + typ] = list(self.gaz.get(typ, []))
        for pool in self.pools.values():
            pools_rng.shuffle(pool)
        self.cum = {k: self._cum(len(v)) for k, v in self.pools.items()}

    @staticmethod
    def _cum(n: int) -> list[float]:
        total, out = 0.0, []
        for r in range(1, n + 1):
            total += 1.0 / r
            out.append(total)
        return out

    def _draw(self, key: str) -> str:
        pool = self.pools[key]
        return self.rng.choices(pool, cum_weights=self.cum[key])[0] if pool else ""

    def person(self) -> str:
        return self._draw("PERSON")

    def name(self, typ: str) -> str:
        if typ in ("COMPANY", "ORG", "MODEL"):
            gaz = self.pools["GAZ_" + typ]
            return self._draw(typ if self.rng.random() < 0.35 or not gaz else "GAZ_" + typ)
        return super().name(typ)


NAMERS = {"zipf": _ZipfNamer, "fresh": _Namer}


def _vary(body: str, names: list[tuple[str, str]], namer: _Namer) -> str:
    """Swap every gold name in ``body`` for another of its type (one substitute per name per article)."""
    if not names:
        return body
    types = dict(names)
    rx = re.compile("|".join(re.escape(n) for n in sorted(types, key=len, reverse=True)))
    subst: dict[str, str] = {}

    def swap(m: re.Match) -> str:
        n = m.group(0)
        if n not in subst:
            subst[n] = namer.name(types[n])
        return subst[n]

    return rx.sub(swap, body)


def make_documents(n: int, *, chars: int = 3000, seed: int = 42, names: str = "zipf"):
    """Yield ``n`` dicts ``{"id", "title", "date", "text"}``, the same for the same arguments."""
    rng = random.Random(seed)
    namer = NAMERS[names](rng)
    articles = _articles()
    for i in range(n):
        parts: list[str] = []
        size = 0
        while size < chars:
            body, names = rng.choice(articles)
            part = _vary(body, names, namer)
            parts.append(part)
            size += len(part) + 2
        day = 1 + i % 28
        text = "\n\n".join(parts)
        yield {"id": f"bench{i:05d}", "title": text.split("。", 1)[0][:40], "date": f"2025-{1 + i % 12:02d}-{day:02d}",
               "text": text}


def write_corpus(out: Path, n: int, *, chars: int = 3000, seed: int = 42, fmt: str = "jsonl",
                 names: str = "zipf") -> tuple[int, int]:
    """Write the corpus; return (documents, characters)."""
    docs = chars_total = 0
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            for d in make_documents(n, chars=chars, seed=seed, names=names):
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
                docs += 1
                chars_total += len(d["text"])
    else:
        out.mkdir(parents=True, exist_ok=True)
        for d in make_documents(n, chars=chars, seed=seed, names=names):
            (out / f"{d['id']}.txt").write_text(d["text"] + "\n", encoding="utf-8", newline="\n")
            docs += 1
            chars_total += len(d["text"])
    return docs, chars_total


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=1000)
    p.add_argument("--chars", type=int, default=3000, help="characters per document (about)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--format", choices=("jsonl", "txt"), default="jsonl", help="one JSONL file, or a folder of .txt")
    p.add_argument("--names", choices=sorted(NAMERS), default="zipf", help="how names are varied (see above)")
    p.add_argument("--out", required=True, type=Path)
    a = p.parse_args(argv)
    docs, chars = write_corpus(a.out, a.docs, chars=a.chars, seed=a.seed, fmt=a.format, names=a.names)
    print(f"{docs} documents, {chars} characters → {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
