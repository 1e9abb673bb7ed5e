"""The packaged gazetteer data (kg/resources/gazetteer/*.tsv): size, types, collisions, spot checks.

Loaded through ``kg.extract.gazetteer`` from the packaged files only, so a user's ``KG_GAZETTEER``
cannot change the result.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from kg.extract.gazetteer import RESOURCE_DIR, Gazetteer, read_gazetteer_file
from kg.schema import ENTITY_TYPES
from kg.text import name_key

FILE_TYPES = {
    "companies.tsv": "COMPANY",
    "orgs.tsv": "ORG",
    "models.tsv": "MODEL",
    "people.tsv": "PERSON",
    "locations.tsv": "LOCATION",
}


@pytest.fixture(scope="module")
def entries_by_file():
    return {p.name: read_gazetteer_file(p) for p in sorted(RESOURCE_DIR.glob("*.tsv"))}


@pytest.fixture(scope="module")
def entries(entries_by_file):
    return [e for es in entries_by_file.values() for e in es]


@pytest.fixture(scope="module")
def gazetteer(entries):
    return Gazetteer(entries)


def _forms(entry):
    return (entry.name, *entry.aliases)


def test_packaged_files_are_the_four_typed_files(entries_by_file):
    assert sorted(entries_by_file) == sorted(FILE_TYPES)


@pytest.mark.parametrize("filename, typ", sorted(FILE_TYPES.items()))
def test_each_file_holds_one_type(entries_by_file, filename, typ):
    wrong = [e.name for e in entries_by_file[filename] if e.type != typ]
    assert wrong == []


def test_at_least_300_entries(entries):
    assert len(entries) >= 300


def test_every_type_is_valid(entries):
    assert {e.type for e in entries} <= set(ENTITY_TYPES)


@pytest.mark.parametrize(
    "types, minimum",
    [(("MODEL",), 40), (("PERSON",), 40), (("COMPANY",), 100), (("ORG",), 50), (("COMPANY", "ORG"), 150)],
)
def test_type_counts(entries, types, minimum):
    counts = Counter(e.type for e in entries)
    assert sum(counts[t] for t in types) >= minimum


def test_canonical_names_are_unique(entries):
    # a repeated canonical name would silently merge two entries' aliases
    repeated = [n for n, c in Counter(e.name for e in entries).items() if c > 1]
    assert repeated == []


def test_no_form_maps_to_two_entries(entries):
    owners = defaultdict(set)
    for e in entries:
        for form in _forms(e):
            owners[name_key(form)].add(e.name)
    collisions = {key: sorted(names) for key, names in owners.items() if len(names) > 1}
    assert collisions == {}


def test_forms_are_clean(entries):
    bad = [
        (e.name, form)
        for e in entries
        for form in _forms(e)
        if form != form.strip() or "\t" in form or "|" in form or len(name_key(form)) < 2
    ]
    assert bad == []


@pytest.mark.parametrize(
    "alias, canonical, typ",
    [
        ("英伟达", "英伟达", "COMPANY"),
        ("NVIDIA", "英伟达", "COMPANY"),
        ("Nvidia", "英伟达", "COMPANY"),
        ("深度求索", "深度求索", "COMPANY"),
        ("DeepSeek", "深度求索", "COMPANY"),
        ("谷歌", "谷歌", "COMPANY"),
        ("Google", "谷歌", "COMPANY"),
        ("字节跳动", "字节跳动", "COMPANY"),
        ("字节", "字节跳动", "COMPANY"),
        ("ByteDance", "字节跳动", "COMPANY"),
        ("北京字节跳动科技有限公司", "字节跳动", "COMPANY"),
        ("阿里巴巴", "阿里巴巴", "COMPANY"),
        ("阿里", "阿里巴巴", "COMPANY"),
        ("Alibaba", "阿里巴巴", "COMPANY"),
        ("腾讯公司", "腾讯", "COMPANY"),
        ("Tencent", "腾讯", "COMPANY"),
        ("腾讯控股有限公司", "腾讯", "COMPANY"),
        ("Moonshot AI", "月之暗面", "COMPANY"),
        ("Zhipu AI", "智谱", "COMPANY"),
        ("红杉中国", "红杉中国", "COMPANY"),
        ("腾讯AI Lab", "腾讯 AI Lab", "ORG"),
        ("BAAI", "智源研究院", "ORG"),
        ("DeepMind", "Google DeepMind", "ORG"),
        ("清华", "清华大学", "ORG"),
        ("Tsinghua University", "清华大学", "ORG"),
        ("北大", "北京大学", "ORG"),
        ("中科大", "中国科学技术大学", "ORG"),
        ("CMU", "卡内基梅隆大学", "ORG"),
        ("Qwen", "通义千问", "MODEL"),
        ("Hunyuan", "混元", "MODEL"),
        ("ERNIE Bot", "文心一言", "MODEL"),
        ("Doubao", "豆包", "MODEL"),
        ("GPT4o", "GPT-4o", "MODEL"),
        ("DeepSeek R1", "DeepSeek-R1", "MODEL"),
        ("Jensen Huang", "黄仁勋", "PERSON"),
        ("Robin Li", "李彦宏", "PERSON"),
        ("Pony Ma", "马化腾", "PERSON"),
        ("山姆·奥特曼", "Sam Altman", "PERSON"),
        ("奥特曼", "Sam Altman", "PERSON"),
        ("伊利亚·苏茨克维", "Ilya Sutskever", "PERSON"),
        ("哈萨比斯", "Demis Hassabis", "PERSON"),
        # second batch: investors, hardware, institutes, recent models, people
        ("腾讯战投", "腾讯投资", "COMPANY"),
        ("阿里战投", "阿里巴巴战投", "COMPANY"),
        ("MiraclePlus", "奇绩创坛", "COMPANY"),
        ("光速光合", "光速中国", "COMPANY"),
        ("GGV Capital", "纪源资本", "COMPANY"),
        ("Coatue", "Coatue", "COMPANY"),
        ("BOE", "京东方", "COMPANY"),
        ("CATL", "宁德时代", "COMPANY"),
        ("零跑", "零跑汽车", "COMPANY"),
        ("Pony.ai", "小马智行", "COMPANY"),
        ("韦尔股份", "豪威集团", "COMPANY"),
        ("中科院软件所", "中国科学院软件研究所", "ORG"),
        ("北师大", "北京师范大学", "ORG"),
        ("港交所", "香港交易所", "COMPANY"),  # a listed exchange operator (0388.HK); 上交所 stays an ORG
        ("上交所", "上海证券交易所", "ORG"),
        ("华西医院", "四川大学华西医院", "ORG"),
        ("Nano Banana", "Gemini 2.5 Flash Image", "MODEL"),
        ("gpt-oss-120b", "gpt-oss", "MODEL"),
        ("豆包大模型1.6", "Doubao-Seed-1.6", "MODEL"),
        ("日日新V6.5", "SenseNova V6.5", "MODEL"),
        ("Kling 2.1", "可灵2.1", "MODEL"),
        ("稚晖君", "彭志辉", "PERSON"),
        ("Hock Tan", "陈福阳", "PERSON"),
        ("帕特·基辛格", "Pat Gelsinger", "PERSON"),
    ],
)
def test_lookup_spot_checks(gazetteer, alias, canonical, typ):
    entry = gazetteer.lookup(alias)
    assert entry is not None, alias
    assert (entry.name, entry.type) == (canonical, typ)


@pytest.mark.parametrize(
    "unit, parent",
    [
        ("华为云", "华为"),
        ("阿里云", "阿里巴巴"),
        ("百度智能云", "百度"),
        ("腾讯云", "腾讯"),
        ("腾讯 AI Lab", "腾讯"),
        ("Google DeepMind", "谷歌"),
        ("达摩院", "阿里巴巴"),
        ("腾讯投资", "腾讯"),
        ("阿里巴巴战投", "阿里巴巴"),
        ("京东科技", "京东"),
        ("小米汽车", "小米"),
        ("京东方", "京东"),
    ],
)
def test_units_are_separate_from_their_parent(gazetteer, unit, parent):
    assert gazetteer.lookup(unit).name == unit
    assert gazetteer.lookup(parent).name == parent


@pytest.mark.parametrize(
    "word",
    # ordinary words or names too ambiguous to match blindly in news text
    ["米", "星火", "天工", "悟道", "盘古", "百川", "蚂蚁", "联想", "理想", "荣耀", "元宝", "商量", "可图",
     "有道", "用友", "云从", "中兴", "地平线", "红杉", "通义", "科技部", "教育部", "大模型", "人工智能", "AI", "GPT", "X",
     "上汽", "广汽", "吉利", "长城", "美的", "好未来", "和硕", "慧与", "日立", "联电", "中国移动", "大基金", "可灵",
     "北外", "南理工", "国资委", "Benchmark", "Fidelity", "Gen-4", "Ellison"],
)
def test_ambiguous_words_are_not_names(gazetteer, word):
    assert gazetteer.lookup(word) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("腾讯AI Lab副主任俞栋离职。", ["腾讯 AI Lab", "俞栋"]),
        ("华为云与阿里云在大模型市场竞争。", ["华为云", "阿里云"]),
        ("英伟达CEO黄仁勋会见DeepSeek创始人梁文锋。", ["英伟达", "黄仁勋", "深度求索", "梁文锋"]),
        ("OpenAI发布GPT-4o mini和o3-mini。", ["OpenAI", "GPT-4o mini", "o3-mini"]),
        ("他毕业于东北大学，后在北大任教。", ["东北大学", "北京大学"]),
        ("可灵AI可灵活生成视频。", ["可灵AI"]),
        ("京东方与京东合作。", ["京东方", "京东"]),
        ("他坐上汽车去推广汽车。", []),
        ("腾讯投资领投，北极光创投跟投。", ["腾讯投资", "北极光创投"]),
        ("DeepSeek-V3.2-Exp比DeepSeek-V3.1更快。", ["DeepSeek-V3.2-Exp", "DeepSeek-V3.1"]),
        ("Qwen3-Coder与Llama 4 Maverick对比。", ["Qwen3-Coder", "Llama 4 Maverick"]),
    ],
)
def test_find_in_text(gazetteer, text, expected):
    assert [e.name for _, _, e in gazetteer.find(text)] == expected


def test_a_unit_named_after_its_parent_is_found_whole_not_as_the_parent():
    from kg.extract.gazetteer import load_gazetteer

    hits = [(text[s:e], entry.name) for text in ["阿里妈妈发布了新的广告模型。"] for s, e, entry in load_gazetteer().find(text)]
    assert hits == [("阿里妈妈", "阿里妈妈")]
