"""The gold files are valid: data/check_gold.py on the team's articles always, and on the real-news gold where
../shared/news is present (a user's clone has no ../shared: then that part skips)."""
import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEWS = Path(os.environ.get("KG_NEWS_DIR", ROOT.parent / "shared" / "news"))


def _checker():
    spec = importlib.util.spec_from_file_location("check_gold", ROOT / "data" / "check_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_own_articles_gold_is_valid(capsys):
    assert _checker().main([]) == 0, capsys.readouterr().out


@pytest.mark.skipif(not NEWS.is_dir(), reason="no ../shared/news here (set KG_NEWS_DIR to the real articles)")
def test_real_news_gold_is_valid_against_the_readers_text(capsys):
    assert _checker().main(["--news", str(NEWS)]) == 0, capsys.readouterr().out


def test_real_news_gold_names_articles_and_holds_no_text():
    import json

    for split, least in (("dev", 25), ("test", 15)):
        lines = (ROOT / "data" / "eval" / f"news-{split}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) >= least
        for line in lines:
            rec = json.loads(line)
            assert set(rec) == {"doc", "entities", "relations"} and rec["doc"].endswith(".md")
