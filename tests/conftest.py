import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def shared_datasets():
    """../shared/datasets, or skip: a user's clone has none."""
    path = SHARED / "datasets"
    if not path.is_dir():
        pytest.skip("public datasets (../shared/datasets) are not present")
    return path
