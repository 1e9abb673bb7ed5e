"""Training and data conversion for kg's statistical models (not imported by ``import kg``).

``python -m kg.train ner --data DATASETS --out kg/models/ner`` trains the builtin engine's NER
model; ``python -m kg.train eval-ner --data DATASETS`` prints the numbers in docs/MODEL_CARD.md. DATASETS is a
folder holding cluener2020/, resume_ner/, weibo_ner/ and peoples_daily_1998_ner/ in their published formats.
``python -m kg.train relations --news NEWS --data DATASETS --out kg/models/relations`` trains the relation pair model
(FinRE from DATASETS, distant supervision from the articles of NEWS in neither real-news split; docs/MODEL_CARD.md).
``python -m kg.train silver --news NEWS --out /tmp/silver.jsonl`` writes silver NER examples (LAC's names in sentences
of the articles of NEWS in no gold split) for ``ner --corpora ...,silver --silver /tmp/silver.jsonl``.
"""
