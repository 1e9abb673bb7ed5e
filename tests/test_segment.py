"""kg.nlp.segment: one jieba pass that follows jieba.posseg except for words jieba's dictionary does not know."""
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp.segment import Segmenter, get_segmenter, guess_tag

TEXTS = [
    "腾讯AI Lab副主任俞栋离职，加入了一家创业公司。",
    "周嘉树在2025年3月14日宣布加入OpenAI，负责GPT-5的训练。",
    "阿里巴巴发布通义千问Qwen2.5-Max，性能提升67.0%。\r\n第二段  有空格。",
    "",
]


@pytest.fixture(scope="module")
def seg():
    return get_segmenter()


@pytest.fixture(scope="module")
def posseg(seg):
    """jieba.posseg over the same private dictionary and tag table: the behaviour Segmenter follows."""
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = seg.tokenizer
    pos.word_tag_tab = seg.word_tag_tab
    return pos


@pytest.mark.parametrize("text", TEXTS)
def test_words_tile_the_text(seg, text):
    words = seg.words(text)
    assert "".join(w for w, *_ in words) == text
    pos = 0
    for word, start, end, tag, guessed in words:
        assert (start, end) == (pos, pos + len(word)) and text[start:end] == word and tag
        pos = end


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("腾讯周嘉树加入了苹果公司 AI-5.0%，。\n\t王李abcXYZ0123阿里巴巴云")), max_size=40))
def test_words_tile_any_text(text):
    words = get_segmenter().words(text)
    assert "".join(w for w, *_ in words) == text
    assert all(e - s == len(w) and w for w, s, e, _, _ in words)


def test_dictionary_words_get_posseg_tags_and_only_unknown_runs_differ(seg, posseg):
    """Where posseg's POS HMM is not involved (no run of unknown characters), the two agree word for word."""
    text = "阿里巴巴和腾讯发布模型，微软公司表示欢迎。"
    assert [(w, t) for w, _, _, t, _ in seg.words(text)] == [(p.word, p.flag) for p in posseg.cut(text)]


def test_unknown_words_are_guessed_and_flagged(seg):
    words = {w: (tag, guessed) for w, _, _, tag, guessed in seg.words("林晓川宣布加入腾讯。")}
    assert words["林晓川"] == ("nr", True)
    assert words["加入"] == ("v", False) and words["腾讯"] == ("nt", False)


def test_guess_tag_rules():
    family = frozenset({"周", "欧阳"})
    assert guess_tag("周嘉树", family) == "nr"
    assert guess_tag("欧阳锋", family) == "nr"
    assert guess_tag("星序", family) == "n"
    assert guess_tag("周嘉树科技", family) == "n"  # too long for a name


def test_users_global_jieba_is_untouched():
    import jieba

    before = jieba.dt.FREQ.get("混元大模型") if jieba.dt.FREQ else None
    Segmenter()
    after = jieba.dt.FREQ.get("混元大模型") if jieba.dt.FREQ else None
    assert before == after


def test_without_gazetteer_words_a_gazetteer_name_is_cut_like_jieba_cuts_it(seg):
    text = "月之暗面发布了新模型。"
    assert ("月之暗面", "nt") in [(w, tag) for w, _, _, tag, _ in seg.words(text)]  # kept whole, tagged by type
    plain = Segmenter(gazetteer_words=False)
    assert "月之暗面" not in [w for w, *_ in plain.words(text)]
    assert "".join(w for w, *_ in plain.words(text)) == text


def test_short_words_are_the_words_remembered(seg):
    for text in ("周嘉树加入腾讯", "都将", "OpenAI 的模型", ""):
        assert seg.short_words(text) == tuple(seg.words(text))
        assert seg.short_words(text) is seg.short_words(text)
    long = "腾讯" * 40
    assert seg.short_words(long) == tuple(seg.words(long)) and long not in seg._short  # long texts are not kept
