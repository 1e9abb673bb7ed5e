"""Training and data conversion for kg's statistical models (not imported by ``import kg``).

``python -m kg.train ner --data ../shared/datasets --out kg/models/ner`` trains the builtin engine's NER
model; ``python -m kg.train eval-ner --data ../shared/datasets`` prints the numbers in docs/MODEL_CARD.md.
"""
