"""kg.text.unlinkable_spans: what is never entity text, and refine() keeping no mention that overlaps it."""
from __future__ import annotations

import pytest
from helpers import make_analysis

import kg
from kg.extract.entities import refine
from kg.text import unlinkable_spans, without_unlinkable
from kg.types import Mention


def found(text: str) -> list[str]:
    return [text[s:e] for s, e in unlinkable_spans(text)]


@pytest.mark.parametrize("text, spans", [
    ("详见 https://github.com/Tencent/Hunyuan 。", ["https://github.com/Tencent/Hunyuan"]),
    ("官网www.example.com上线", ["www.example.com"]),
    ("见(https://example.com/a_(b))。", ["https://example.com/a_(b)"]),
    ("地址https://example.com/x和更多", ["https://example.com/x"]),
    ("联系 press@example.com 获取", ["press@example.com"]),
    ("@sama 在推特上说", ["@sama"]),
    ("调用 `client.chat()` 即可", ["`client.chat()`"]),
    ("配置在 /etc/kg/config.yaml 里", ["/etc/kg/config.yaml"]),
    ("打开 C:\\Users\\kg\\data 目录", ["C:\\Users\\kg\\data"]),
    ("运行 scripts/build.py 生成", ["scripts/build.py"]),
    ("提交 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d 修复", ["3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d"]),
    ("编号 123e4567-e89b-12d3-a456-426614174000 的任务", ["123e4567-e89b-12d3-a456-426614174000"]),
    ("图片 YicUhk5aAGtCib2UdBXSyG5Oh7w7faTicRJ 来自", ["YicUhk5aAGtCib2UdBXSyG5Oh7w7faTicRJ"]),
    ("片段 YicUhk5aAGtAz 混在正文里", ["YicUhk5aAGtAz"]),
    ("__biz=MzIzNjc1NzUzMw== 是账号", ["__biz=MzIzNjc1NzUzMw=="]),
])
def test_unlinkable(text, spans):
    assert found(text) == spans


@pytest.mark.parametrize("text", [
    "OpenAI 发布 GPT-4o-mini-2024-07-18，阿里发布 Qwen2.5-Coder-32B-Instruct。",
    "iPhone15ProMax 与 ChatGLM3-6B、DeepSeek-V2.5、HuggingFace、ViT-H/14 和 TCP/IP。",
    "2024/01/05 发布，速度 120 km/h，训练/推理/部署一体。",
    "Meta 的 Llama-3.1-405B-Instruct 和 text-embedding-3-large。",
])
def test_names_are_linkable(text):
    assert found(text) == []


def test_without_unlinkable_drops_overlapping_items():
    ms = [Mention("a", "ORG", 0, 2), Mention("b", "ORG", 5, 8), Mention("c", "ORG", 9, 12), Mention("d", "ORG", 20, 22)]
    assert [m.text for m in without_unlinkable([(4, 6), (10, 11)], ms)] == ["a", "d"]


def test_refine_keeps_no_mention_inside_a_url_or_id():
    text = "腾讯发布混元，详见 https://hunyuan.tencent.com/OpenAI/page 与 YicUhk5aAGtCib2UdBXSyG5Oh7w7faTicRJ。"
    a = make_analysis(text, [("腾讯", "COMPANY"), ("OpenAI", "COMPANY"), ("YicUhk5aAGtCib2UdBXSyG5Oh7w7faTicRJ", "COMPANY")])
    spans = unlinkable_spans(text)
    kept = refine(a).mentions
    assert "腾讯" in {m.text for m in kept}
    assert not [m for m in kept if any(m.start < e and s < m.end for s, e in spans)]


def test_analyze_finds_no_entity_in_a_bare_url():
    a = kg.analyze("字节跳动发布豆包大模型，地址 https://www.doubao.com/Baidu/chat 。")
    spans = unlinkable_spans(a.analysis.doc.text)
    assert spans and all(m.end <= spans[0][0] or m.start >= spans[0][1] for m in a.mentions)
