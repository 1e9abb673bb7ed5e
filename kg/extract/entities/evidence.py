"""Precision rules for real news: a name the model or a pattern proposed is kept only where the text gives
evidence that it is a name.

Real articles are full of what a tagger trained on clean sentences takes for names: English words and whole
English sentences (quoted posts, paper titles), dictionary words typed PERSON (方面, 注意力, 席位), and
domain words with an organisation suffix (保险科技, 空间智能, 神经网络). :func:`judge` decides per mention:

- **Latin-script names** (no Han character) that no gazetteer lists need evidence at some occurrence in the
  document: a descriptor or title next to them (初创公司 X, X 公司, CEO X, X 创始人, X 模型), a relation or
  speech verb right after them, or a person-name shape (two to four capitalised parts) that a pattern found
  after a title. A name inside an English sentence is never proposed by the model or a pattern.
- **Han-script PERSON names from the model** that are common dictionary words (not tagged as a name by jieba,
  not a person for LAC), or that start with a function word (都是, 来管理), are dropped.
- **Organisation names from the model** that are one common dictionary word with no organisation suffix
  (电气, 福利待遇) are dropped; **suffix names** whose part before 科技/智能/网络/基金/银行 … is a common word
  (保险科技, 年度科技, 投资银行, 神经网络, 产业基金) are generic phrases, not names.

The word lists are data (``kg/resources/descriptors.tsv``); the dictionary is jieba's, through
:func:`kg.nlp.segment.get_segmenter`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...resources_data import RESOURCES, given_names, read_rows, surnames, titles, triggers, word_classes
from ...schema import COMPANY, LOCATION, MODEL, ORG, PERSON
from ...text import is_han
from ...types import Mention

TRADE_SUFFIXES = frozenset({"生物", "机器人", "医药", "汽车", "半导体"})  # company suffixes that name a trade too

# jieba tags of words that may be names: person, place, organisation, other proper noun, abbreviation, English
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng"})
# jieba tags of words that cannot start a name: adverb, preposition, conjunction, particle, pronoun, numeral,
# measure word, verb (来管理, 都是, 再到)
_FUNCTION_TAGS = ("d", "p", "c", "u", "r", "m", "q", "v", "f")
ARTICLE_CHARS = 600  # a text this long is an article: a name the model proposes once, with nothing said of it, is doubtful
COMMON_MIN_FREQ = 20  # a dictionary word seen this often in jieba's corpus is a common word, not a coinage
VERY_COMMON_FREQ = 1000  # 是, 将, 管理: words after a leading function word that make the whole a phrase, not a name

LATIN_PERSON = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’][A-Z]?[a-zß-öø-ÿ]+)?|(?!AI |VC |PE |AR |VR |XR |MR |GP |LP |PR |HR |IT |UI |UX |ML |DL |OS )[A-Z]{2})(?: (?:[A-Z]\.|(?:[A-Z]['’]|Mc|Mac|La|De|Di|Du)?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’][A-Z]?[a-zß-öø-ÿ]+)?)){1,3}")
# suffixes after which a common word may still be a name only where the text uses it as one (保险科技 vs 招商银行);
# not 资本 or 创投: investors are named with common words (绿洲资本, 经纬创投)
_WEAK_SUFFIXES = ("科技", "智能", "网络", "基金", "银行", "证券", "控股", "投资", *sorted(TRADE_SUFFIXES))
_LATIN_ORG_SUFFIXES = frozenset("Inc Inc. Ltd Ltd. Corp Corp. Technologies Capital Ventures Venture Fund Partners Robotics Systems Lab "
                                "Labs Research Institute University Foundation Group Holdings Co Co. LLC GmbH Company Investments "
                                "Microsystems Semiconductor Semiconductors Networks Motors Therapeutics Biosciences "
                                "Dynamics Electronics Studios Communications Industries Entertainment Airlines Pharmaceuticals".split())


@lru_cache(maxsize=1)
def descriptors() -> tuple[frozenset[str], frozenset[str]]:
    """(words that may stand before a name, words that may stand after one): ``descriptors.tsv``."""
    before, after = set(), set()
    for _, (word, side, *_) in read_rows(RESOURCES / "descriptors.tsv", 2):
        (before if side in ("before", "both") else after).add(word)
        if side == "both":
            after.add(word)
    for title in titles():
        before.add(title)
        after.add(title)
    for t in triggers():
        if not t.word.isascii():
            after.add(t.word)
            before.add(t.word)
    return frozenset(before), frozenset(after)


def person_shaped(name: str) -> bool:
    """Two to four capitalised parts, the first a given name, none an organisation word (Bill Gurley, not
    Stanford University); or a Chinese name in pinyin, given name and surname in either order (Xiaolong Wang)."""
    words = name.split()
    return bool(LATIN_PERSON.fullmatch(name)) and (words[0] in given_names() or pinyin_name(name)
                                                   or len(words) == 2 and words[1].lower() in _ROMANISED_SURNAMES) and \
        not any(w in _LATIN_ORG_SUFFIXES for w in words)


# a pinyin syllable (tone marks left out); a word made only of them, capitalised, is a pinyin word
_PINYIN_SYLLABLE = (r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|ia|ie|in|iu|ua|uo|ui|un|ue|a|o|e|i|u|v)"
                    r"|er)")
_PINYIN_WORD = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,3}}")
# the hundred most common Chinese surnames as written in pinyin
_PINYIN_SURNAMES = frozenset("""wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng
    liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren
    shen yao jin fang shi tan liao zou xiong qiu qin yin bai kong cui mao qian dai wen hou meng long wan duan lei qiao yan
    ji xue fan lv lyu hao gu kang mo shao zhong xing tao fu bao shu weng zhan ou bi che chu dou ge geng gong hua jia
    jian jiao kou lan lang lian ling miao mu ning niu pang pei pu qi qu rong ruan sha shan shang sheng si tong xia xiang xin
    yi you yue zang zhai zhuang zhuo zuo bian chai chang fei guan hong huo ju ke kuang lai lou mei nie quan rao sang
    shou tu xi zhen""".split())
# Chinese surnames as Hong Kong, Taiwan and older romanisations write them (Enoch Cheung, Kevin Tsai)
_ROMANISED_SURNAMES = frozenset("""cheung chan wong leung chow ng lau yip tsang kwok lam chiu fung hui kwan tse tsui yeung
    yuen choi chung poon siu szeto leong tsai hsu hsieh chiang chao chuang kuo tseng cheng""".split())


# places written as two pinyin words that look like a name
_PINYIN_PLACES = frozenset({"hong kong", "shen zhen", "bei jing", "shang hai", "guang zhou", "hang zhou", "nan jing",
                            "tian jin", "wu han", "cheng du", "chong qing", "su zhou", "xi an", "ping an", "tai wan"})


def pinyin_name(name: str) -> bool:
    """Xiaolong Wang, Wang Xiaolong, Yandong Ji: two capitalised pinyin words, one of them a common surname, the
    other a given name of one to three syllables (not Hong Kong, which the gazetteer holds as a place)."""
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    low = [w.lower() for w in words]
    if " ".join(low) in _PINYIN_PLACES or not all(_PINYIN_WORD.fullmatch(w) for w in low):
        return False
    return low[1] in _PINYIN_SURNAMES or low[0] in _PINYIN_SURNAMES


def _dictionary():
    global _SEGMENTER
    if _SEGMENTER is None:
        from ...nlp.segment import get_segmenter

        _SEGMENTER = get_segmenter()
    return _SEGMENTER


_SEGMENTER = None  # kg.nlp.segment's one segmenter, once asked for


def is_latin_name(text: str) -> bool:
    return not any(is_han(ch) for ch in text)


def common_word(word: str) -> bool:
    """A word of jieba's dictionary that is frequent and not tagged as a name (方面, 注意力, 保险)."""
    seg = _dictionary()
    tag = seg.word_tag_tab.get(word)
    return tag is not None and tag not in _NAME_TAGS and seg.freq(word) >= COMMON_MIN_FREQ


def _titled_after(text: str, end: int) -> bool:
    """李超，青禾科技联合创始人: a comma, then a title within a few characters."""
    after = text[end:end + 16]
    return after.lstrip()[:1] in ("，", ",") and any(t in after for t in _han_titles())


def _guessed_word(word: str) -> bool:
    words = _dictionary().short_words(word)
    return len(words) == 1 and words[0][4]


def _starts_with_function_word(name: str) -> bool:
    """来管理, 都将, 都是: a function word or verb, then only very common dictionary words that are no names. A
    transliterated name that starts like a verb (达里奥, 加里) is one name-tagged word; 向海涛 ends in a name; a
    surname with a one-character given name (万刚) is left alone."""
    words = _dictionary().short_words(name)
    if len(words) < 2 or not words[0][3].startswith(_FUNCTION_TAGS):
        return False
    if words[0][0] in surnames() and len(name) - len(words[0][0]) == 1:
        return False
    seg = _dictionary()
    return all(not guessed and tag not in _NAME_TAGS and seg.freq(w) >= VERY_COMMON_FREQ for w, _, _, tag, guessed in words[1:])


# a model word right before a Latin name, or before the list it opens (两个模型：A和B, 基模型A、B)
_MODEL_BEFORE = re.compile(r"(?:大模型|模型|语言模型|聊天机器人)(?:项目|产品)?\s*(?:[：:]|——|—|叫做?|名为|名叫)?\s*(?:[A-Za-z][\w.\-]*\s*(?:和|、|与|以及|及)\s*){0,3}$")
_RAISED = re.compile(r"\s*(?:已经?|此前|近日|日前|再次|又|成功)?\s*(?:宣布)?(?:成功)?(?:完成|获得|获)了?[^，,。；;！!？?]{0,40}?(?:融资|投资)")


def _context_evidence(text: str, start: int, end: int) -> bool:
    """A descriptor, title or trigger right before or after ``text[start:end]``."""
    before_words, after_words = descriptors()
    before = text[max(0, start - 10):start].rstrip(" \u3000「『“\"'（(：:").removesuffix("了").removesuffix("的").rstrip()
    after = text[end:end + 10].lstrip(" \u3000」』”\"'）)")
    if any(before.endswith(w) for w in before_words):
        return True
    after = after[1:] if after.startswith("的") else after
    after = re.sub(r"^\s*[一两三四五几多]位", "", after)  # X 的两位创始人
    if _RAISED.match(text, end):
        return True  # X 完成 5000 万美元 A 轮融资, X 获得英伟达投资
    if re.match(r"说[明服法]", after):
        return False  # 说明, 说服: no speech verb
    return any(after.startswith(w) for w in after_words)


def english_context(text: str, start: int, end: int) -> bool:
    """The mention sits in a run of English prose: no Han character within 30 characters either side, and
    at least three lowercase words there."""
    window = text[max(0, start - 30):start] + " " + text[end:end + 30]
    if any(is_han(ch) for ch in window):
        return False
    return len(re.findall(r"\b[a-z]{2,}\b", window)) >= 3


MAX_OCCURRENCES = 100  # the places of a name the evidence rules look at: the first this many (a name said more
#                        often than this in one text has its evidence among them, and a repeated run stays linear)


def _occurrences(text: str, name: str):
    i, n = text.find(name), 0
    while i != -1 and n < MAX_OCCURRENCES:
        yield i, i + len(name)
        i, n = text.find(name, i + 1), n + 1


# the words of an English job title (Presidential Young Professor, Chief Scientist, Research Fellow): a run of
# capitalised words holding one names a post, not a person
_ENGLISH_JOB_WORD = re.compile(r"(?<![A-Za-z])(?:Professor|Officer|Director|President|Chairman|Chairwoman|Scientist|"
                               r"Engineer|Fellow|Researcher|Lecturer|Executive|Founder|Co-?[Ff]ounder|Postdoc|"
                               r"Investigator)(?![A-Za-z])")


_KIND_OF_FIRM = ("公司", "企业", "厂商", "巨头", "大厂", "初创公司", "创业公司", "科技公司", "科技企业", "股市", "市场", "经济")


def _region_kind(name: str) -> bool:
    """中国公司, 美国科技企业: a country or region, then a word for a kind of firm (中国银行, 美国银行 are names)."""
    from .patterns import _REGIONS

    return any(name.endswith(k) and name[:-len(k)] in _REGIONS for k in _KIND_OF_FIRM)


COMMON_NOUN_FREQ = 300  # a word of the dictionary this frequent, tagged no name, is a plain word where a tagger found it


def _common_noun(name: str) -> bool:
    """注意力, 电信: the whole name is one frequent dictionary word that is not a name (小米, 高峰 are tagged names)."""
    if len(name) < 2 or not all(is_han(c) for c in name) or name[-1] in "部局委院厅署办会军":
        return False  # (教育部, 国务院, 八路军: a body's name is a dictionary word too)
    seg = _dictionary()
    tag = seg.word_tag_tab.get(name)
    return tag is not None and tag not in _NAME_TAGS and seg.freq(name) >= COMMON_NOUN_FREQ


def judge(text: str, m: Mention, *, evidenced: dict[str, bool]) -> Mention | None:
    """``m`` (retyped where the evidence says so), or None where ``text`` gives no evidence that it is a name
    (see the module docstring). ``evidenced`` caches per-document answers (one name, one answer per document)."""
    if m.source in ("gazetteer", "alias", "card"):
        return m  # a list's name, or a name a company card states (公司：X)
    name = m.text
    cut = _open_bracket(name)
    if cut is not None:  # 青禾影业（Qinghe: the name stops where an unclosed bracket opens
        if cut < 2:
            return None
        m = replace(m, text=name[:cut].rstrip(), end=m.start + len(name[:cut].rstrip()))
        name = m.text
    if _mixed_junk(name, m):
        return None
    if m.source in ("ner", "engine") and m.type in (ORG, COMPANY) and _common_noun(name):
        return None  # 注意力, 电信, 火山 alone: a frequent word of the dictionary, no name (names in lists come as gazetteer)
    if m.type == MODEL and _CITATION_KEY.fullmatch(name) and (
            text[m.start - 1:m.start] in ("[", "［", "【") and text[m.end:m.end + 1] in ("]", "］", "】")
            or re.search(r"(?:报告|编号)\s*$", text[max(0, m.start - 6):m.start])):
        return None  # [DEEP1-2], 技术报告 IDSIA-23-23: a citation key or a report's number, not a model
    api = _API_TAIL.fullmatch(name) if m.type == MODEL else None
    if api:
        m = replace(m, text=api.group(1), end=m.start + len(api.group(1)))  # OpenAI 的 TTS-1API: the model is TTS-1
        name = m.text
    if m.type in (ORG, COMPANY) and m.source in ("ner", "engine", "pattern") and _region_kind(name):
        return None  # 它已是一家中国公司, 美国企业: a region and a kind of firm, not a firm's name
    tail = _LATIN_HAN_TAIL.fullmatch(name) if m.source in ("ner", "engine") else None
    if tail and _plain_tail(tail.group(2)):
        # AgentGroupChat中, UrbanGPT通过, CUDA-X库: the model ran a Latin name on into the word after it
        m = replace(m, text=tail.group(1), end=m.start + len(tail.group(1)))
        name = m.text
    if name.endswith("-") and m.source != "gazetteer":
        return None  # Open- of Open-Sora-Plan: part of a longer name
    if m.source in ("ner", "engine") and name.isascii() and (
            re.match(r"-[A-Za-z0-9]", text[m.end:m.end + 2]) or m.type in (ORG, COMPANY)
            and re.search(r"(?<![A-Za-z0-9])[A-Za-z]*\d[A-Za-z0-9]* $", text[max(0, m.start - 12):m.start])):
        return None  # Open of Open-Sora-Plan, Gen of Meta 3D Gen: the model took part of a longer name
    if is_latin_name(name):
        if english_context(text, m.start, m.end) or name.upper() in _GENERIC_LATIN | _GENERIC_KINDS:
            return None  # (SaaS 公司, AI 公司: a kind of company, not a name)
        if m.type in (ORG, COMPANY) and _defined_term(text, name):
            return None  # 稀疏路由训练（Sparse Routing Training，SRT）, 大型语言模型（LLMs）: a technique's short name
        if m.type in (PERSON, ORG, COMPANY) and _ENGLISH_JOB_WORD.search(name) and " " in name \
                and (m.type == PERSON or person_shaped(name)):
            return None  # 获聘青年讲席教授（Presidential Young Professor）: a post's English name, not a person
        if m.type != MODEL and person_shaped(name):
            return m if m.type == PERSON else replace(m, type=PERSON)  # Dana Whitlock, Lena Carter-Morris
        if m.type in (ORG, COMPANY) and m.source in ("ner", "engine") and name in given_names() and \
                _person_not_company(text, name):
            m = replace(m, type=PERSON)  # 感谢Andrew加入我们, Andrew说得对: the model typed a first name as a company
        if m.type in (ORG, COMPANY) and name in given_names() and all(
                re.match(r"\s?(?:团队|实验室|组)", text[i + len(name):]) for i, _ in _occurrences(text, name)):
            return None  # Reid团队, Jeff实验室: a person's team, not an organisation called Reid
        if name not in evidenced:
            evidenced[name] = _latin_evidence(text, m)
        return m if evidenced[name] else None
    if m.type == PERSON and m.source in ("ner", "engine") and (
            name[0] in "张条台部篇份项" and m.start > 0 and text[m.start - 1] in "这那一两几每哪该此整半给拿画拍发找"
            and (common_word(name[1:2]) or common_word(name[1:]) or text[m.start - 1] not in "给拿找")
            or len(name) >= 3 and name[-1] in "你我他她们"):
        return None  # 这张图, 给张图: a measure word, not the surname 张; 谢谢你: a pronoun ends no name
    if m.type == PERSON and m.source in ("ner", "engine") and _NAMED_METHOD.match(text, m.end):
        return None  # 吉布斯采样, 贝叶斯定理: a method named after a person, not the person
    if m.type == PERSON and m.source in ("ner", "engine") and len(name) >= 3 and name[0] in "但而与跟被把让给对" \
            and all(ch in _transliteration_chars() for ch in name[1:]):
        m = replace(m, text=name[1:], start=m.start + 1)  # 但杰夫的独特之处: the conjunction is not the name's
        name = m.text
    if m.type == PERSON and m.source in ("ner", "engine") and len(name) >= 3 and name[-1] in _ADVERB_TAIL:
        m = replace(m, text=name[:-1], end=m.end - 1)  # 张三曾在腾讯任职: the model took the adverb into the name
        name = m.text
    if m.type == PERSON and m.source in ("ner", "engine") and len(name) >= 3 and name[-1] == "现" \
            and _NOW_POST.match(text, m.end):
        m = replace(m, text=name[:-1], end=m.end - 1)  # 刘洋现担任 …, 王五现为 …: 现 (now) is not the name's
        name = m.text
    if m.type == PERSON and m.source != "gazetteer":
        title = next((t for t in _han_titles() if name.startswith(t) and len(name) - len(t) >= 2), None)
        if title:  # 州长凯蒂·霍布斯: the title before the name is not part of it
            m = replace(m, text=name[len(title):], start=m.start + len(title))
            name = m.text
    if m.type in (ORG, COMPANY) and m.source in ("ner", "engine", "pattern") and _kind_not_name(text, m, name):
        return None
    if _adverb_start(name):
        return None  # 都有, 都紧绷 after 工程师/成员; 将会 after 公司; 甚至-1-0: an adverb starts no name
    if m.type in (ORG, COMPANY) and m.source in ("ner", "engine") and (name.endswith("师") or _bare_kind(name)):
        return None  # NIS 在线 ERP 系统构架师: a job; 商学院, 医学院: a kind of school
    if m.type in (ORG, COMPANY) and m.source in ("ner", "engine", "pattern"):
        cut = _CALLED.match(name)
        if cut and len(name) - cut.end() >= 2:  # 一家叫远澜生物的公司, 品牌叫星奇实验室: the name follows the verb
            m = replace(m, text=name[cut.end():], start=m.start + cut.end())
            name = m.text
        verb = _VERB_TAIL.search(name)
        if verb and verb.start() >= 2 and m.source in ("ner", "engine"):
            m = replace(m, text=name[:verb.start()], end=m.start + verb.start())  # 青禾电子开发的: not the verb
            name = m.text
        if m.source != "pattern" and len(name) >= 3 and name[-1] in _ORG_ADVERB_TAIL and is_han(name[-2]):
            m = replace(m, text=name[:-1], end=m.end - 1)  # 只有这样，青禾才有价值: the adverb is not the name's
            name = m.text
    if m.type == PERSON and m.source in ("ner", "engine") and any(ch in name for ch in "·•‧・"):
        last = _dictionary().short_words(name)[-1]
        if last[3].startswith("n") and last[3] not in _NAME_TAGS and _dictionary().freq(last[0]) >= VERY_COMMON_FREQ:
            m = replace(m, text=name[:last[1]], end=m.start + last[1])  # 詹姆斯·韦伯空间(望远镜): a noun is no name part
            name = m.text
    return m if _han_name(text, m, name, evidenced) else None


_ADVERB_CHARS = frozenset("都也就还又将才已再均皆很")
_FUNCTION_BIGRAMS = frozenset("再到 又是 也是 就是 都是 还是 才是 已是 再是 都在 也在 还在 正在 以及 或是 甚至 "
                              "不太 不够 不算 非常 比较 十分 相当 更加 越来".split())


def _adverb_start(name: str) -> bool:
    """The name starts with an adverb: a dictionary adverb of two or more characters (甚至, 已经), or, in a name
    of two or three characters, one of 都/将/也 … before a common word (都有, 都紧绷, 将会; 都晓明 is a name)."""
    if not is_han(name[0]):
        return False
    w, _, _, tag, guessed = _dictionary().short_words(name)[0]
    if name[:2] in _FUNCTION_BIGRAMS and len(name) >= 3:
        return True  # 再到具身智能: 再到 joins two items of a list, no name starts with it
    if tag.startswith("d") and not guessed and len(w) >= 2 and _dictionary().freq(w) >= VERY_COMMON_FREQ:
        return True  # (何新 is a rare dictionary adverb: 何新荣 is a name)
    if name[0] not in _ADVERB_CHARS or not 2 <= len(name) <= 3 or not all(is_han(c) for c in name):
        return False  # (均胜电子, 再鼎医药: longer names that start with such a character)
    return common_word(name[1:]) or len(name) == 2 and _dictionary().freq(name[1]) >= VERY_COMMON_FREQ


def _bare_kind(name: str) -> bool:
    """商学院, 法学院: one character before an organisation suffix is a kind of organisation, not a name."""
    from .patterns import _org_suffix

    suf = _org_suffix(name)
    return bool(suf) and len(name) - len(suf) == 1 and is_han(name[0])


_QUANTIFIER = re.compile(r"(?:一|两|几|多|某|每|各|这|那|该)(?:家|支|个|所|只)\s*$")
_KIND_SUFFIX = re.compile(r"(公司|企业|基金|机构|平台|集团|银行|工厂|加工厂|研究所|实验室|团队)$")


_FIELD_NAME = re.compile(r"(?:具身|空间|通用|情感|群体|机器|人工|人类|超级|生物)智能$")


def _all_common(stem: str, *, most: int | None = None) -> bool:
    """``stem`` is one or more (at most ``most``) frequent dictionary words, none a name or a guess."""
    seg = _dictionary()
    words = [w for w in seg.short_words(stem) if not w[0].isspace()]
    return bool(words) and (most is None or len(words) <= most) and all(
        not guessed and tag is not None and tag not in _NAME_TAGS and seg.freq(w) >= COMMON_MIN_FREQ
        for w, _, _, tag, guessed in words)


_SCHOOL_KIND = re.compile(r"(大学|学院|研究院|研究所|实验室|工作室|学会|部门)$")


def _generic_school(m: Mention, name: str) -> bool:
    """传统大学, 企业研究院, 能力实验室, 专业AI工作室: one common word (no place, no name) before a school's or lab's
    suffix names a kind of institution, not one (上海人工智能实验室 names its city; 超级智能实验室 is two words)."""
    suf = _SCHOOL_KIND.search(name)
    if not suf or suf.start() == 0 or m.source not in ("ner", "engine", "pattern"):
        return False
    stem = re.sub(r"(?<![A-Za-z])(?:AI|Ai)(?![A-Za-z])", "", name[:suf.start()]).strip()
    if not stem:
        return True
    if stem in ("皇家", "帝国", "国立", "中央"):
        return False  # 皇家学会 (the Royal Society), 帝国理工学院: a title, not a kind
    return _all_common(stem, most=1)


def _kind_not_name(text: str, m: Mention, name: str) -> bool:
    """一家电信公司, 一支双币基金, SaaS 公司, FANG公司: a kind of organisation, not a name. After a quantifier the
    words before the suffix must not be common words or a generic Latin word; SaaS/AI/FANG before 公司 never name one."""
    if m.type == ORG and _generic_school(m, name):
        return True
    field = _FIELD_NAME.search(name)
    if field and m.source in ("ner", "engine", "pattern") and (field.start() == 0 or _all_common(name[:field.start()])):
        return True  # 人居环境具身智能, 协同具身智能: a field of work, not a firm
    suf = _KIND_SUFFIX.search(name)
    if not suf:
        return False
    if suf.start() == 0:
        return m.source in ("ner", "engine")  # 加工厂, 公司 alone: the model took a kind word for a name
    stem = name[:suf.start()].strip()
    if suf.group(1) == "公司" and re.search(r"(?:有限|有限责任|股份有限|股份)$", stem) and len(stem) >= 6:
        return False  # 北京龙湖置业有限公司: a registered name (a place, a name, a trade and the legal form) names a firm
    if _PLACEHOLDER.fullmatch(stem):
        return True  # 一家XX公司, 某某集团: a placeholder, not a name
    if stem.upper() in _GENERIC_LATIN or stem.upper() in _GENERIC_KINDS or stem in _FUND_KINDS and suf.group(1) == "基金":
        return True  # (双币基金, 产业基金: a kind of fund)
    if suf.group(1) in ("公司", "工厂", "加工厂") and m.source in ("ner", "engine", "pattern") and \
            (common_word(stem) and len(stem) <= 3 or stem.endswith(("加工", "服装"))):
        return True  # 现代电信公司, 一些物业公司, 中小加工厂: one common word before the suffix names a trade, not a firm
    if suf.group(1) in ("公司", "企业") and m.source in ("ner", "engine", "pattern") and _common_stem(stem):
        return True  # 国际化公司, 中国商业航天公司: a place, then common words before the suffix: a kind of firm
    if not _QUANTIFIER.search(text[max(0, m.start - 3):m.start]):
        return False
    return common_word(stem) or _generic_phrase(stem) or stem.upper() in _GENERIC_LATIN


_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})


def _suffix_of(name: str) -> str | None:
    from .patterns import _org_suffix

    return _org_suffix(name)


def _common_stem(stem: str) -> bool:
    """商业航天, 国际化 (after 中国 or 美国 if any): one or two frequent dictionary words, none a person's name and none
    a name kg's gazetteer knows."""
    from ..gazetteer import load_gazetteer

    seg, gaz = _dictionary(), load_gazetteer()
    words = [w for w in seg.short_words(stem) if not w[0].isspace()]
    while len(words) > 1 and words[0][3] == "ns" and not words[0][4] and seg.freq(words[0][0]) >= COMMON_MIN_FREQ and \
            (gaz.lookup(words[0][0]) is None or gaz.lookup(words[0][0]).type == LOCATION):
        words = words[1:]  # 中国, 美国: where the firms are (not 龙湖 of 北京龙湖置业: a rare place word is the brand)
    return 1 <= len(words) <= 2 and all(
        not guessed and tag is not None and tag not in _PERSON_TAGS and seg.freq(w) >= COMMON_MIN_FREQ
        and gaz.lookup(w) is None for w, _, _, tag, guessed in words)


_PLACEHOLDER = re.compile(r"(?:XX|xx|ＸＸ|××|某某?|[A-Z])(?:科技|网络|电商|集团)?")
_FUND_KINDS = frozenset("双币 美元 人民币 母 子 专项 产业 引导 政府引导 并购 成长 早期 天使 种子 主题 指数 对冲 私募 公募 风险投资 "
                        "创投 股权 投资 科技 AI 人工智能".split())
_GENERIC_KINDS = frozenset({"FANG", "FAANG", "MAANG", "TOB", "TOC", "2B", "2C", "SAAS", "PAAS", "IAAS", "MAAS", "AIGC", "IOT", "SOTA", "RAG",
                            # kinds of device, chip, network and investor; roles (AR 眼镜, VC 支持的, 微软 MVP)
                            "AR", "VR", "XR", "MR", "VC", "VCS", "PE", "LP", "GP", "TPU", "NPU", "RNN", "LSTM", "GAN", "MOE",
                            "LLMS", "MVP", "KOL", "CEO", "CTO", "CFO", "COO", "CPO", "CIO", "CMO", "CSO"})


_CALLED = re.compile(r"^(?:.{0,3}?(叫做|名叫|名为|叫|称为)|[由被从在向对把将])")
_ORG_ADVERB_TAIL = frozenset("才就却也都还又")
_VERB_TAIL = re.compile(r"(开发|推出|发布|研发|收购|投资|宣布|表示|训练|开源|打造|上线|领投|参投)$")


_ADVERB_TAIL = frozenset("曾将也则已就还都又并")
_NOW_POST = re.compile(r"任|为|在|担任|就职|就读|供职|居|已|正|是")  # what follows 现 (now) after a name
_CITATION_KEY = re.compile(r"[A-Z]{2,8}\d+-\d+[a-z]?|[A-Z]{2,8}-\d{2}-\d{2,3}")  # DEEP1-2, IDSIA-23-23
_API_TAIL = re.compile(r"(.*[0-9a-z.])API")  # TTS-1API
_FUNCTION_CHARS = frozenset("将是在也已会能要把被对和与的了着过")


@lru_cache(maxsize=1)
def _han_titles() -> tuple[str, ...]:
    return tuple(sorted((t for t in titles() if len(t) >= 2 and all(is_han(c) for c in t)), key=len, reverse=True)) + \
        ("州长", "市长", "部长", "议员", "总统", "首相", "主播", "记者", "博士", "教授", "老师", "导演", "演员", "作家")


_ORG_HEAD = re.compile(r"(实验室|研究院|研究所|研究中心|团队|大学|学院|基金会|协会|委员会|事业部|事业群|部门?|中心|局|院)$")


def _generic_phrase(name: str) -> bool:
    """生物信息, 伟大公司, 航天院所, AI研究机构: a name the model proposed that is only common words put together
    (every word in jieba's dictionary, none tagged as a name, or a generic Latin word such as AI), or holds 的."""
    if "的" in name:
        return True
    seg = _dictionary()
    words = [w for w in seg.short_words(name) if not w[0].isspace()]
    return len(words) >= 2 and all(w.upper() in _GENERIC_LATIN or not guessed and tag not in _NAME_TAGS
                                   and seg.freq(w) >= COMMON_MIN_FREQ for w, _, _, tag, guessed in words)


_GENERIC_LATIN = frozenset({"AI", "IT", "APP", "SAAS", "B2B", "B2C", "API", "SDK", "AGENT", "AGI", "LLM", "GPU", "CPU"})  # AI研究机构, AI 团队: no name in them


def _place_only(name: str) -> bool:
    """A country or region, then places (法国巴黎, 美国加利福尼亚州旧金山), as a table's headquarters column gives
    them: no organisation. One place alone may name a club (博洛尼亚, CLUENER's organisations), so it is left alone."""
    if len(name) < 4 or not all(is_han(ch) for ch in name):
        return False
    seg = _dictionary()
    for k in (2, 3):
        rest = seg.words(name[k:])
        if seg.word_tag_tab.get(name[:k]) == "ns" and rest and all(w[3] == "ns" for w in rest):
            return True
    return False


def _person_team(prefix: str) -> bool:
    """The text before 团队 ends with a Chinese person's name (a surname and one or two characters that make no
    common word): 施路平, 王建华; not 研发, 安全, 通义."""
    for n in (3, 2):
        cand = prefix[-n:]
        if len(cand) == n and all(is_han(c) for c in cand) and cand[0] in surnames() \
                and not common_word(cand) and _dictionary().word_tag_tab.get(cand, "nr").startswith("nr") \
                and (len(prefix) == n or not common_word(prefix[-n - 1:])):
            return True
    return False


def _company_team(prefix: str) -> bool:
    from ..gazetteer import load_gazetteer

    entry = load_gazetteer().lookup(prefix)
    return prefix.upper() in _GENERIC_LATIN or common_word(prefix) or entry is not None and entry.type == COMPANY


def _open_bracket(name: str) -> int | None:
    """Where an opening bracket that the name does not close stands in it, or None."""
    for i, ch in enumerate(name):
        if ch in "（(" and not any(c in "）)" for c in name[i:]):
            return i
    return None


def _mixed_junk(name: str, m: Mention) -> bool:
    """What the model or a pattern glued together across scripts or out of English prose: a person named in both
    scripts at once (AII-IN峰会, MMVet上可以达到), a lower-case English word stuck to Chinese (拉丁语com), two
    lower-case English words (re trying to accomplish.战略), a count taken for a version (Github1.2k, LLaVA-80K)."""
    han = any(is_han(ch) for ch in name)
    latin = re.findall(r"[A-Za-z]{2,}", name)
    if m.source in ("ner", "engine"):
        if han and latin and m.type == PERSON:
            return True
        if han and any(w.islower() for w in latin):
            return True
    if len(re.findall(r"\b[a-z]{2,}\b", name)) >= 2 and " " in name:
        return True
    if m.source in ("ner", "engine") and re.search(r"[A-Za-z0-9]\s*(?:和|与|及|、|以及)\s*[A-Za-z]", name):
        return True  # OpenAI 和 FundersFund: the model ran two names of a list into one
    return m.type == MODEL and bool(re.search(r"\d(?:\.\d+)?[kK]$", name)) and name.count("-") < 2  # (moonshot-v1-8k:
    # a context length after a version is part of a model's name)


_PERSON_AFTER = re.compile(r"\s*+(?:[（(][^）)]{0,30}[）)])?\s*+(说(?![明服法])|表示|认为|指出|称|介绍|透露|坦言|回忆|强调|解释|补充|告诉|提到|写道|问|答|回答|"
                           r"先生|女士|博士|教授|老师|同学|本人|自己|曾|毕业|出生|生于|[:：]|，(?:男|女)|(?:男|女)，|"
                           r"(?:副)?(?:总统|总理|首相)|外长|大使|议长|同志|夫人|院士|将军)")
_PERSON_BEFORE = re.compile(r"(先生|女士|博士|教授|老师|记者|作者|嘉宾|创始人|CEO|总裁|董事长|经理|总监|研究员|科学家|工程师|主席|院长|"
                            r"负责人|合伙人|主任|部长|总统|首相|州长|市长|议员|导演|演员|歌手|作家|他叫|她叫|名叫|叫做|"
                            r"总理|外长|大使|议长|国务委员|国王|女王|亲王|王子|书记|省长|局长|司令|候选人|选手|球员|教练|"
                            r"社长|会长|行长|校长|队长|主编|编剧|制片人|主持人|画家|诗人|律师|医生|法官|主帅|主教练|"
                            r"(?:编辑|责编|撰文|作者|记者|文|图)\s*[:：|｜])\s*$", re.I)


@lru_cache(maxsize=1)
def _transliteration_chars() -> frozenset[str]:
    """The characters of the transliterated people's names (those with a name dot) the gazetteer lists: 克林顿 and
    拉莫斯 are written with them, 冰墩 and 雪松树 are not."""
    from ..gazetteer import load_gazetteer

    out = set()
    for e in load_gazetteer().entries.values():
        if e.type == PERSON:
            for nm in (e.name, *e.aliases):
                if "·" in nm:
                    out.update(ch for ch in nm if is_han(ch))
    return frozenset(out)


def _surname_named_as_person(text: str, name: str, core: str, evidenced: dict[str, bool]) -> bool:
    """张新生, 张建设 after 副主任 or before 表示: a common surname that jieba also reads as a measure word or verb
    (张, 万, 成) before a common word is a person's name where the text treats it as one."""
    if len(core) != 3 or core[0] not in surnames():
        return False
    first = _dictionary().short_words(core)[0]
    if len(first[0]) != 1 or first[3] not in ("q", "v", "m"):
        return False  # 曾公开, 向来: an adverb or preposition (曾, 向, 于) before a word is no surname there
    key = "\5" + name
    if key not in evidenced:
        evidenced[key] = any(_person_context(text, a, b) for a, b in _occurrences(text, name))
    return evidenced[key]


def _person_context(text: str, start: int, end: int) -> bool:
    """Where the text treats a name as a person: a title or 先生/博士 next to it, a speech verb after it (X 表示),
    a speaker label (X：), 男/女 in an apposition."""
    return bool(_PERSON_AFTER.match(text, end) or _PERSON_BEFORE.search(text, max(0, start - 8), start))


_LATIN_HAN_TAIL = re.compile(r"([A-Za-z][\w.\-]*(?: [A-Za-z0-9][\w.\-]*)*[A-Za-z0-9])\s*([\u4e00-\u9fff]{1,3})")


def _plain_tail(tail: str) -> bool:
    """A Han word after a Latin name that is not part of it: a dictionary word that is no name and no organisation
    suffix (中, 通过, 框架, 库; not 实验室, 科技, 大学)."""
    from .patterns import _org_suffix

    if _org_suffix(tail) or _ORG_HEAD.search(tail) or tail in ("大模型", "模型", "系列"):
        return False
    seg = _dictionary()
    words = seg.short_words(tail)
    return len(words) == 1 and not words[0][4] and words[0][3] not in _NAME_TAGS


# (布尔向量, 高斯泼溅, 林肯隧道, 图灵奖 too; not words that may follow a person as a verb: 计划, 测试, 奖励)
_NAMED_METHOD = re.compile(r"(?:采样|分布|定理|方程|定律|函数|算法|效应|悖论|猜想|变换|级数|矩阵|过程|链|不等式|公式|常数|模型|坐标|"
                           r"向量|系数|力学|奖(?![励金品杯])|隧道|泼溅|积分|假说|原理|算子|曲线|常量)")


def _person_not_company(text: str, name: str) -> bool:
    """The text treats ``name`` as a person somewhere (a title, a speech verb) and nowhere as a company."""
    return any(_person_context(text, a, b) for a, b in _occurrences(text, name)) and not company_said(text, name)


def company_said(text: str, name: str) -> bool:
    """The text calls ``name`` a company somewhere (AI 公司 Harvey, Harvey 完成融资)."""
    from .patterns import _COMPANY_AFTER, _COMPANY_BEFORE

    return any(_COMPANY_AFTER.match(text, b) or _COMPANY_BEFORE.search(text, max(0, a - 8), a)
               for a, b in _occurrences(text, name))


def _plain_words(prefix: str) -> bool:
    """Only dictionary words that are no names (or nothing): 服装加工, 卫星; not 潞晨, 清华, 北京."""
    if not prefix.strip():
        return True
    seg = _dictionary()
    return all(not guessed and tag not in _NAME_TAGS and tag is not None
               for w, _, _, tag, guessed in seg.short_words(prefix.strip()) if not w.isspace())


def _org_evidence(text: str, m: Mention, name: str, evidenced: dict[str, bool]) -> bool:
    """An organisation name the model proposed, with no suffix that says what it is: in an article (ARTICLE_CHARS
    or more), the text must name it twice, or once next to a descriptor, title or trigger, or in a list of
    organisations (醒布 in a list of sewing steps and 卫星平台 are no names; 潞晨 recurs or stands next to 公司)."""
    from .patterns import _org_suffix

    if len(text) < ARTICLE_CHARS or word_classes().get(name) == "ORG":
        return True  # (a sentence or two gives no article to look in: the model's word stands)
    suffix = _org_suffix(name) or (_ORG_HEAD.search(name).group(0) if _ORG_HEAD.search(name) else None)
    if suffix and not _plain_words(name[:-len(suffix)]):
        return True  # 潞晨科技, 清华大学: a name before the suffix; not 服装加工厂 (common words and 厂)
    key = "\3" + name
    if key not in evidenced:
        spans = list(_occurrences(text, name))
        evidenced[key] = len(spans) >= 2 or any(_context_evidence(text, a, b) or _list_evidence(text, a, b, m.type)
                                                for a, b in spans)
    return evidenced[key]


_DOTS = re.compile("[·•‧・]")  # the dots between a transliterated name's parts


def _han_name(text: str, m: Mention, name: str, evidenced: dict[str, bool]) -> bool:
    if m.type == PERSON:
        core = _DOTS.sub("", name)
        if len(core) == 2 and core[1] in _FUNCTION_CHARS and m.source in ("ner", "engine", "pattern"):
            return False  # 都将, 都是: a surname-like adverb and a function word
        if common_word(core) and word_classes().get(core) != "PER":
            return False
        if _starts_with_function_word(core) and not _surname_named_as_person(text, name, core, evidenced):
            return False
        if m.source in ("ner", "engine") and len(core) == 2 and len(text) >= ARTICLE_CHARS and _guessed_word(core):
            # 初意, 于易, 左段: two characters jieba does not know, named once in an article with nothing said of them
            key = "\4" + name
            if key not in evidenced:
                spans = list(_occurrences(text, name))
                evidenced[key] = len(spans) >= 2 or any(_person_context(text, a, b) or _context_evidence(text, a, b)
                                                        or _titled_after(text, b) for a, b in spans)
            if not evidenced[key]:
                return False
        if m.source == "engine" and len(text) >= ARTICLE_CHARS or \
                m.source in ("ner", "engine") and not _DOTS.search(name) and not (name[0] in surnames() or name[:2] in surnames()) \
                and not all(ch in _transliteration_chars() for ch in name):
            # 冰墩, 冬青, 雪松树: no surname, so the text must treat it as a person somewhere; and in an article, a
            # name only the segmenter's tag calls a person (连电脑, 金句)
            key = "\2" + name
            if key not in evidenced:
                evidenced[key] = any(_person_context(text, a, b) for a, b in _occurrences(text, name))
            return evidenced[key]
    elif m.type == MODEL:
        quoted = m.start > 0 and text[m.start - 1] in "「『“《\"'"
        if m.source == "pattern" and not quoted and _generic_phrase(name):
            return False  # 生物信息模型: common words put together before 模型 name no model (书生大模型 is one)
    elif m.type in (ORG, COMPANY):
        if m.source in ("ner", "engine") and not _org_evidence(text, m, name, evidenced):
            return False
        if m.source in ("ner", "engine") and common_word(name) and word_classes().get(name) != "ORG":
            return False
        if m.source in ("ner", "engine") and _place_only(name):
            return False  # 法国巴黎, 德国巴伐利亚州慕尼黑: a table's headquarters column, places, not an organisation
        if m.source in ("ner", "engine") and len(text) >= ARTICLE_CHARS and _common_stem(name) and \
                word_classes().get(name) != "ORG" and not _ORG_HEAD.search(name) and not _suffix_of(name):
            return False  # 美国股市, 顺风耳, 播客: common words (after a place), no name
        if m.source in ("ner", "engine") and _generic_phrase(name) and not _ORG_HEAD.search(name):
            return False  # (超级智能实验室, 基础模型团队: a translated unit name is common words too)
        if name.endswith("团队") and _company_team(name[:-2].strip()):
            return False  # OpenAI团队, AI 团队: the company's (or anyone's) staff, not a named team (Seed 团队 is one)
        if name.endswith("团队") and m.source != "gazetteer" and _person_team(name[:-2].strip()):
            return False  # 施路平团队, 中心王建华团队: a researcher's group, named after its head, is no organisation
        if re.search(r"(?:初创|创业|核心|管理|创始)团队$", name) and m.source != "gazetteer":
            return False  # MIT初创团队, 公司核心团队: a kind of team, not a team's name
        suffix = next((s for s in _WEAK_SUFFIXES if name.endswith(s) and len(name) > len(s)), None)
        if suffix in _KIND_TRADES and m.source in ("ner", "engine", "pattern") and \
                (common_word(name[:-len(suffix)]) or _dictionary().freq(name[:-len(suffix)]) >= COMMON_MIN_FREQ):
            return False  # 人形机器人, 社交网络, 聊天机器人: a frequent word before the trade names a kind of thing
        if suffix and m.source != "gazetteer":
            prefix = name[:-len(suffix)]
            if _starts_with_function_word(prefix) or _generic_prefix(prefix) or common_word(name):
                return False
            domain = suffix in TRADE_SUFFIXES  # (the name of a trade too: it must act as a name)
            if common_word(prefix) or _generic_phrase(prefix) or domain and _dictionary().freq(prefix) >= COMMON_MIN_FREQ:
                # 招商银行 and 音律智能, but also 保险科技, 投资银行, 聊天机器人: a name only where it acts as one
                return _acts_as_name(text, name, evidenced, recurring=False)
            if domain:  # 鹿鸣生物, 启元机器人, but also 叫远澜生物 cut wrongly: said of as a company, or named again
                return _acts_as_name(text, name, evidenced, recurring=True)
    return True


# trade suffixes that, after a frequent word, make the name of a kind of thing (a firm so named is in a list)
_KIND_TRADES = frozenset({"机器人", "网络"})


# a technical term's head word: what a bracketed abbreviation after it stands for is a technique, not a firm
_TECH_HEAD = (r"(?:模型|训练|学习|网络|方法|算法|架构|机制|技术|框架|范式|推理|微调|对齐|检索|生成|优化|编码器?|解码器|注意力|"
              r"任务|数据集|基准|策略|函数|表示|嵌入|蒸馏|量化|压缩|协议|芯片|处理器|单元|引擎)")


def _defined_term(text: str, name: str) -> bool:
    """The document defines ``name`` as the short form of a technical term: 稀疏路由训练（Sparse Routing Training，SRT）,
    大型语言模型（LLMs）, 张量处理单元（TPU）."""
    rx = _DEFINED.get(name)
    if rx is None:
        rx = _DEFINED[name] = re.compile(r"[\u4e00-\u9fff]" + _TECH_HEAD + r"\s*[（(]\s*(?:[A-Za-z][\w\- ]*\s*[，,、;；:：]\s*)?"
                                         + re.escape(name) + r"\s*[）)]")
        if len(_DEFINED) > 4096:
            _DEFINED.clear()
    return rx.search(text) is not None


_DEFINED: dict[str, re.Pattern] = {}


def _acts_as_name(text: str, name: str, evidenced: dict[str, bool], *, recurring: bool) -> bool:
    key = ("\1" if recurring else "\0") + name
    if key not in evidenced:
        spans = list(_occurrences(text, name))
        evidenced[key] = recurring and len(spans) >= 2 or any(_context_evidence(text, a, b) for a, b in spans)
    return evidenced[key]


def _generic_prefix(prefix: str) -> bool:
    """年度, 产业, 投资 … or a year, an event code (MEET2025): the part before a weak suffix that is no name."""
    return bool(re.fullmatch(r"[A-Za-z]*\d{4}|\d+", prefix))


def _latin_evidence(text: str, m: Mention) -> bool:
    name = m.text
    if m.type == MODEL and m.source == "pattern" and any(ch.isdigit() for ch in name) and (name[:1].isupper() or name.count("-") >= 2):
        return True  # GPT-4o, Qwen2.5-Max: a pattern matched a versioned name next to model words or a family
    if m.type == MODEL and m.source == "pattern":
        from .patterns import SIZED_MODEL
        if SIZED_MODEL.fullmatch(name):
            return True  # Whisper-Small: a size word after the name
        from .patterns import ARCHITECTURE_NAMED, _MODELS_CLOSE, _MODELS_OPEN, proposed
        if any(proposed(text, a, name) for a, _ in _occurrences(text, name)):
            return True  # 作者提出的 LlamaGen
        if ARCHITECTURE_NAMED.fullmatch(name):
            return True  # GhostNet, Zipformer: named after its architecture
        if any(_MODELS_CLOSE.search(text[b:b + 60].split("，")[0].split("。")[0]) or _MODELS_OPEN.search(text, max(0, a - 40), a)
               for a, b in _occurrences(text, name)):
            return True  # 优于 SEEM、SegVol 等多个模型; 超越了当前最优方法 MedSAM 和 SAM: a list the text calls models
    if m.type == MODEL and m.source == "pattern" and any(_MODEL_BEFORE.search(text, max(0, a - 30), a) for a, _ in _occurrences(text, name)):
        return True  # 两款模型：Sablevox和Cobaltra: the model word before it (or before the list it is in)
    if m.type == MODEL and m.source == "pattern":
        from .patterns import _MODEL_WORD_AFTER
        if any(re.match(r"\s*系列", text[b:b + 4]) and _MODEL_WORD_AFTER.match(text, b) for _, b in _occurrences(text, name)):
            return True  # 微软的 Phi 系列小型模型: a family of models the text names as such
    if m.type in (ORG, COMPANY) and m.source == "pattern" and name.split()[-1] in _LATIN_ORG_SUFFIXES:
        return True  # Cloud Native Computing Foundation, Thrive Capital: the pattern matched an organisation suffix
    if m.type in (ORG, COMPANY) and m.source == "pattern" and _AI_NAMED.fullmatch(name) \
            and name.split()[0].lower() not in _AI_KINDS:
        return True  # Jasper AI, Kalendar AI: a start-up's name (Generative AI, Open AI are kinds of AI)
    if m.type == PERSON and m.source == "pattern" and LATIN_PERSON.fullmatch(name):
        return True  # the pattern found it after a title or before a speech verb
    if m.type == PERSON and m.source == "pattern" and " " not in name:
        from .patterns import _PERSON_TITLE_BEFORE, TITLE_IN_BRACKETS
        if any(_PERSON_TITLE_BEFORE.search(text, max(0, a - 8), a) or TITLE_IN_BRACKETS.match(text, b)
               for a, b in _occurrences(text, name)):
            return True  # 阿根廷总统 Milei, 创始人 Boufarhat: a surname right after a person's title
        from .patterns import _ROLE_BEFORE_GIVEN, _SAID_AFTER
        if name in given_names() and any(_ROLE_BEFORE_GIVEN.search(text, max(0, a - 6), a) or _SAID_AFTER.match(text, b)
                                         for a, b in _occurrences(text, name)) and not company_said(text, name):
            return True  # 主持人Gary, 正如Jeff所提到的: a known given name with a role before it or a speech verb after
    if m.type in (ORG, COMPANY) and m.source == "pattern" and name[:1].isupper():
        from .patterns import _BACKED_BEFORE, _COMPANY_AFTER, _COMPANY_BEFORE
        if any(_COMPANY_AFTER.match(text, b) or _COMPANY_BEFORE.search(text, max(0, a - 8), a)
               or _BACKED_BEFORE.search(text, max(0, a - 26), a) for a, b in _occurrences(text, name)):
            return True  # Hoptrail 于 2019 年被收购, 创办了 Hoptrail: what the text says of it makes it a company
    if not re.search(r"[A-Z]", name[:2]) and not re.search(r"[A-Z].*[A-Z]|\d", name):
        return False  # decoder, spaces, study: lower-case words are not names
    return any(_context_evidence(text, a, b) or _list_evidence(text, a, b, m.type) for a, b in _occurrences(text, name))


# a capitalised word (not all capitals: GPU AI) and AI: how start-ups name themselves (Jasper AI, Liquid AI)
_AI_NAMED = re.compile(r"[A-Z][a-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)? AI")
# the words before AI that make a kind of AI, not a company's name
_AI_KINDS = frozenset("""generative open responsible explainable trustworthy conversational general artificial narrow
strong weak physical embodied agentic edge enterprise consumer vertical creative ethical human superhuman super-human
sovereign safe applied modern traditional symbolic multimodal predictive analytical cognitive autonomous frontier
foundation open-source opensource domain industrial medical legal personal private public shadow green hybrid
classical deep neural secure efficient scalable real reliable robust better good bad new next quantum""".split())


_LIST_SEP = r"(?:\s*(?:、|，|,|/|和|与|及|以及|&|and)\s*)"
_LIST_ITEM = r"(?:[A-Za-z][A-Za-z0-9.&'\-]*(?: [A-Z0-9][A-Za-z0-9.&'\-]*){0,3}|[\u4e00-\u9fff]{2,8})"
_LIST_AFTER = re.compile(_LIST_SEP + "(" + _LIST_ITEM + ")")
_LIST_BEFORE = re.compile("(" + _LIST_ITEM + ")" + _LIST_SEP + "$")
_LIST_HEAD = re.compile(r"(公司|企业|机构|厂商|巨头|初创公司|创业公司|投资机构|投资方|投资人|客户|被投企业|投资组合)\s*"
                        r"(?:[，,]?\s*(?:如|包括了?|像|比如|比方说|例如|有)|[：:（(])\s*$")
# (… 等公司 · 像 A 和 B 这样的企业 · 包括 A、B 在内的多家公司)
_LIST_TAIL = re.compile(r"\s*(?:等|这样的|这类|之类的|在内的)\s*(知名|头部|科技|大|多家|几家|一些|(?![这那])[\u4e00-\u9fff]{2,4}|AI\s*)?\s*"
                        r"(公司|企业|机构|厂商|巨头|初创公司|创业公司|投资机构|基金|大厂)")  # (等法律科技公司, 等 AI 初创公司)


_LIST_OTHER_TAIL = re.compile(r"\s*等\s*\S{0,4}?(模型|架构|技术|方法|算法|框架|产品|应用|工具|语言|平台|芯片|游戏|软件|网站|数据集|基准|指标|功能|服务|协议|格式)")


def _list_evidence(text: str, start: int, end: int, typ: str, gaz=None) -> bool:
    """Norvale in 企业如 SpaceX、Tesla、Norvale 和 Quanta 等: a name in a list with a name of its kind that the
    gazetteer knows, or in a list that a descriptor heads (企业如, 投资方包括) or closes (等公司)."""
    from ..gazetteer import load_gazetteer

    kinds = (MODEL,) if typ == MODEL else (ORG, COMPANY)
    items, pos = [], end
    for _ in range(6):  # the items after it, then the text after the list
        mm = _LIST_AFTER.match(text, pos)
        if not mm:
            break
        items.append(mm.group(1))
        pos = mm.end()
    if _LIST_OTHER_TAIL.match(text, pos):
        return False  # Transformer、CNN 和 RNN 等模型: a list of things, whatever else a name in it may be
    closed = typ != MODEL and bool(_LIST_TAIL.match(text, pos))
    pos, n_before = start, 0
    for _ in range(6):
        mm = _LIST_BEFORE.search(text, max(0, pos - 40), pos)
        if not mm:
            break
        items.append(mm.group(1))
        pos, n_before = mm.start(), n_before + 1
    if not items and not closed:
        return False
    headed = typ != MODEL and bool(_LIST_HEAD.search(text, max(0, pos - 12), pos))
    if closed or headed:
        return True
    gaz = gaz or load_gazetteer()
    return any((e := gaz.lookup(x.strip())) is not None and e.type in kinds for x in items)
