#!/usr/bin/env bash
# Install kg's optional HanLP engine into the current Python environment (used by .ci/run).
#
# torch goes first, pinned to the CPU build that kg's build machines hold on local disk: an unpinned
# torch would pull a CUDA build of several GB. Users are not pinned to it: `pip install "kg[hanlp]"`
# accepts any torch that HanLP accepts.
#
#   PYTHON      interpreter to install into (default: python)
#   KG_TORCH    torch requirement to install first (default: torch==2.13.0; empty: skip)
#   KG_DIR      the kg checkout to install with its hanlp extra (default: .)
#   KG_EDITABLE non-empty: install it editable (pip install -e)
set -euo pipefail
PYTHON=${PYTHON:-python}
KG_TORCH=${KG_TORCH-torch==2.13.0}
KG_DIR=${KG_DIR:-.}

if [ -n "$KG_TORCH" ]; then
    "$PYTHON" -m pip install --quiet "$KG_TORCH"
fi
if [ -n "${KG_EDITABLE:-}" ]; then
    "$PYTHON" -m pip install --quiet -e "$KG_DIR[hanlp]"
else
    "$PYTHON" -m pip install --quiet "$KG_DIR[hanlp]"
fi
"$PYTHON" -c "import hanlp, torch; print(f'hanlp {hanlp.__version__}, torch {torch.__version__}')"
