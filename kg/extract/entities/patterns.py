"""Patterns for names no list has: quoted and suffixed model names, Latin names with versions, organisation
suffixes, appositions (初创公司X), people after titles, transliterated names, named teams."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from ...resources_data import common_surnames, given_names, stopnames, surnames, titles
from ...schema import COMPANY, MODEL, ORG, PERSON
from ...text import is_han
from ...types import Mention, Sentence, Token
from ..gazetteer import Gazetteer, load_gazetteer
from .evidence import _KIND_TRADES, _MODEL_BEFORE, LATIN_PERSON, TRADE_SUFFIXES, company_said, english_context, person_shaped


COMPANY_SUFFIXES = ("有限公司", "公司", "集团", "科技", "控股", "银行", "资本", "证券", "基金", "创投", "智能", "网络",
                    "生物", "机器人", "医药", "汽车", "半导体",
                    "Inc.", "Inc", "Ltd", "Ltd.", "Corp", "Corp.", "Technologies", "Capital", "Ventures", "Venture", "Fund", "Robotics",
                    "Systems", "Partners", "Holdings", "Group", "Co.", "Co", "LLC", "GmbH", "Company", "Investments",
                    "Microsystems", "Semiconductor", "Semiconductors", "Networks", "Motors", "Therapeutics", "Biosciences", "Dynamics", "Electronics", "Studios", "Communications", "Industries", "Entertainment", "Airlines", "Pharmaceuticals")


ORG_SUFFIXES = ("人工智能研究院", "研究院", "研究所", "研究中心", "实验室", "大学", "学院", "科学院", "工作室", "基金会",
                "事业部", "事业群", "团队", "医院", "协会", "学会", "分会", "促进会", "联合会", "法院",
                "委员会", "Lab", "Labs", "Research", "Institute", "University", "Foundation")


_MODEL_WORDS = ("大语言模型", "大模型", "语言模型", "模型", "系列")


_QUOTED_MODEL = re.compile(r"[「『“《]([^」』”》「『“《\n]{1,24})[」』”》]\s*(?:系列)?\s*(?:大语言模型|大模型|模型|系列)"
                           r"|(?:大语言模型|大模型|模型)\s*[「『“]([^」』”「『“\n]{1,24})[」』”]")  # 语音 AI 模型“心流知镜-s”


# 发布了《…研究报告》: a published work, not a model
_WORK_TITLE = re.compile(r"(?:报告|白皮书|蓝皮书|指南|手册|榜单|名单|清单|规划|计划|意见|办法|通知|条例|标准|论文|文章|研究|调查|宣言|倡议|"
                         r"公约|声明|政策|方案|模式|未来|趋势|洞察|展望|年鉴|案例集|倡议书)$")
_QUOTED_MEDIA = re.compile(r"《([^《》\n]{1,12})》\s*(?:杂志|期刊|周刊|月刊|日报|晚报|时报|报|电视台)")
_MEDIA_ACTS = re.compile(r"\s*+(?:社)?\s*+(?:的)?\s*+(?:联合|合作|主编|总编辑?|编辑|资深编辑|记者|宣布|发起|设立|推出)")


_RELEASE_QUOTED = re.compile(r"(?:推出|发布|开源|上线|亮相|升级|迭代|更新|打造|训练)(?:了|的|其)?\s*(?:新一代|新版|最新)?[「『“《]([^」』”》「『“《\n]{1,24})[」』”》]")


_LATIN_NAME = re.compile(
    r"(?:(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9_\-.&])|(?<=^\d\.)|(?<=^\d\d\.)|(?<=\n\d\.)|(?<=\n\d\d\.))([A-Za-zÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ0-9]*(?:[.\-&][A-Za-zÀ-ÖØ-öø-ÿ0-9]+|['’][A-Z][A-Za-zÀ-ÖØ-öø-ÿ]+|['’]s(?=[^A-Za-z0-9]|$))*"
    r"(?:\s(?:\d+(?:\.\d+)*[A-Za-z]?(?![0-9A-Za-z]|\.\d)(?!\s*(?:家|个|位|名|款|轮|年|月|日|号|亿|万|千|百|%|％|倍|次|条|种|项|人|只|台|张|篇|美元|元|小时|分钟|天|周|岁))|[A-Z]\.(?=\s[A-Z][a-z])|[A-Z][A-Za-zÀ-ÖØ-öø-ÿ0-9]*(?:[.\-][A-Za-zÀ-ÖØ-öø-ÿ0-9]+|['’][A-Z][A-Za-zÀ-ÖØ-öø-ÿ]+|['’]s(?=[^A-Za-z0-9]|$))*))*)(?![A-Za-zÀ-ÖØ-öø-ÿ0-9_])")
# (Brenner’s, Ben & Jerry’s: a brand's possessive s is part of its name; a number is a version, Llama 3, unless a
# measure word follows it: WCM 6 家, Lux 3 个)


_AND_NAME = re.compile(r" (?:and|&) [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}(?![A-Za-z])")
_PERSON_VERBS = ("表示", "称", "指出", "透露", "认为", "说", "坦言", "介绍", "强调", "离职", "加入", "加盟", "出任",
                 "担任", "毕业于", "创立", "创办", "联合创立", "宣布", "回应", "此前", "曾", "也", "则", "将",
                 "评论说", "评论道", "回复说", "写道", "发推", "分享了", "分享说", "感慨", "直言", "解释说")


_GENERIC_MODIFIERS = frozenset("""多模态 通用 开源 闭源 国产 国内 行业 垂直 自研 新一代 新版 千亿 万亿 百亿 参数 基础 语言 视觉 推理 端侧
    大型 小型 超大 原生 主流 领先 顶尖 同类 自家 旗下 首个 首款 全新 最新 这些 该 此 其 这款 一款 多个 各类 各家 AI 生成式 对话
    文生图 文生视频 代码 数学 医疗 金融 教育 政务 企业级 商用 免费 混合 专家 稀疏 稠密 深度 强化 世界 具身
    架构 感觉 觉得 认为 sota maas saas paas 中文 英文 国外 海外 全球 顶级 最强 知名 热门 明星 爆款 头部 大厂 产品 平台""".split())


_GENERIC_ORG_WORDS = frozenset("""人工智能 智能 技术 科技 科学 计算 数据 信息 国家 重点 联合 创新 研究 网络 软件 工程 应用
    产业 企业 数字 开放 前沿 未来 新 大 大型 模型 大模型 算法 机器 学习 深度 视觉 语音 机器人 芯片 半导体 云 云计算 互联网 生物 医学
    能源 汽车 商业 股份制 股权 国有 外资 中资 民营 合资 私募 公募 上市 被告 原告 地方 城市 农村 自动驾驶 风险 天使 产业 研发 核心 整个 这支 该 新 老 原 大 小 项目 产品 算法 工程 运营 销售 市场 管理 人民币 美元 语音 视频 图像 医疗 相关 该 这家 一家 某 多家 知名 顶级 头部 初创 新兴 创业 ai 我们 他们 自己 此前 原 前 其 旗下 内部 外部 的""".split()) | _GENERIC_MODIFIERS


_WEAK_SUFFIXES = frozenset({"科技", "智能", "网络", "控股", "资本", "基金", "创投", "证券"}) | TRADE_SUFFIXES


_HEAD_NOUNS = frozenset("企业 公司 行业 领域 产业 巨头 板块 赛道 创新 发展 水平 能力 时代 浪潮 概念 股 龙头 制造商 厂商 厂家 "
                        "品牌 供应商 经销商 零部件".split())  # (汽车制造商: a kind of firm after the trade word)


_PRODUCT_NOUNS = ("芯片", "手机", "显卡", "GPU", "系统", "平台", "汽车", "电脑", "笔记本", "平板", "服务器", "处理器", "眼镜", "耳机")

# 发布了 Isaac Gripper, Isaac Vision 软件: a release or a product noun makes a person-shaped name a product's
_RELEASED_BEFORE = re.compile(r"(?:发布|推出|开源|上线|开发|展示|亮相)了?\s*(?:一款|一个|新的|全新的?)?\s*$")
_SOFTWARE_AFTER = re.compile(r"\s*(?:软件|工具|工具包|服务|功能|模型|平台|系统|产品|SDK|API|框架|应用)")


def _released(text: str, a: int, b: int) -> bool:
    return bool(_RELEASED_BEFORE.search(text, max(0, a - 10), a) or _SOFTWARE_AFTER.match(text, b))


_COMPANY_AFTER = re.compile(r"\s*+(?:[，,]\s*+(?:这是|是)?\s*+一家|这家(?:公司|企业|初创公司|创业公司|创企)|(?:的)?\s*+(?:报道称?|一篇文章|文章称)|"
                            r"(?:已经?是|都是|是)\s*+(?:其|我们的|他们的)?\s*+客户)|"
                            r"\s*+(的)?\s*+((?:[两二三四五六七八九十几多]|\d+)\s*+位|一位|另一位|另外一位|其中一位)?\s*+(?:核心|早期|主要)?\s*+(实习(?!生)|联合创始人|创始人|创始成员|创办人|CEO|首席执行官|CTO|COO|CFO|总裁|董事长|合伙人|投资人|公司|估值|加速器|孵化器|"
                            r"(?:航空|软件|咨询|游戏|媒体|传媒|保险|能源|电信|支付|物流|制药|医疗|半导体|芯片|风投|投资|零售|电商)公司|"
                            r"(?:最新|刚刚|已经?)?(?:拿了|拿到了?|斩获|筹集了?)[^，,。；;！!？?]{0,30}?融资|"
                            r"(?:的|\s*+是[^，,。；;！!？?]{0,10}?[，,]\s*+其)\s*+(?:种子|天使|Pre-?[A-E]\+?|[A-E]\+?|新一|最新一|首|第[一二三四五六七八九十\d]+)\s*+轮[^，,。；;！!？?]{0,24}?融资|"
                            r"的\s*+(?=[A-Z][a-z]+ [A-Z][a-z]+(?:[\s，,。、]|身上|表示|说|认为|指出))|"
                            r"(?:于\s*+\d{4}\s*+年\s*+)?(?:成立|创立|创办)于\s*+\d{4}\s*+年|(?:的)?总部(?:位于|设在)|"
                            r"(?:刚刚?|近日|日前|今天|今日|昨天|昨日|本周|正式)?(?:还|又|也|再次)?(?:已经?|成功)?(?:宣布)?(?:成功)?(?:完成|获得|获|拿到|拿下)了?[^，,。；;！!？?]{0,40}?(?:融资|投资|领投的\s*+(?:[A-E]\+?|天使|种子|Pre-[A-E])\s*+轮)|(?:刚刚?|近日|日前|今天|今日|昨天|昨日|本周|正式)?(?:宣布|官宣)|(?:曾|已经?|此前|刚刚?|近日|最近)?(?:发布|推出|开源)了?[^，,。；;！!？?]{0,20}?(?:大语言模型|大模型|语言模型|基础模型|模型)|(?:共同|联合)?领投|(?:等)?\s*+(?:继续|也|还|再次|同时)?(?:跟投|参投)|收购了|(?:在\s*+\d{4}\s*+年\s*+|去年|今年|此前|已经?)?(?:投了|投资了|投资的|支持的|一起投|投资(?!者|人|方|机构|界|圈)\s*+[A-Z])|"
                            r"(?:(?:和|与|、)\s*+[A-Z][\w .&\-]{0,30}?\s*+(?:共同|联合)领投)|从\s*+\S[^，,。；;！!？?]{0,20}?融资|"
                            r"以[^，,。；;！!？?]{0,24}?估值|(?:[，,]\s*+其)?(?:在)?(?:去年|今年|一年|每年|目前|已经|的)?\s*+(?:就)?\s*+(?:实现了|达到了?|突破了?)?\s*+[\d.\-]+\s*+[万亿]?\s*+美[金元]\s*+(?:的\s*+)?ARR|"
                            r"(?:的|一年|每年)?\s*+(?:ARR|年收入|营收|收入)\s*+(?:已经|已|就)?\s*+(?:突破|超过|达到|破|做到|是|为|有|\d)|的\s*+[A-Z][A-Za-z0-9.\-]*(?:\s[A-Z0-9][A-Za-z0-9.\-]*)?\s*+(?:系列)?(?:大语言模型|大模型|模型)|(?:[于在]\s*+\d{4}\s*+年\s*+)?(?:被|遭)[^，,。；;！!？?]{1,12}?(?:收购|并购))")
_COMPANY_BEFORE = re.compile(r"(初创公司|创业公司|初创企业|独角兽|科技公司|AI公司|(?:出版|咨询|调研|研究|游戏|媒体|传媒|软件|保险|能源|电信|支付|物流|制药|零售|电商|投资|风投)(?:公司|机构)|"
                             r"事务所|通讯社|加速器|孵化器|投资基金|手机品牌|汽车品牌|投资了|领投了?|跟投了?|收购[了的]?|"
                             r"并购了?|投资方|投资机构|风投机构|基金|加入了?|加盟了?|入职了?|任职于|就职于|跳槽到|跳槽至|"
                             r"(?:联合)?(?:创立|创办|创建)[了的]?(?:[\u4e00-\u9fff]{1,4}(?:平台|公司|企业|品牌|工作室))?|"
                             r"(?:其|一个|一家|的)\s*客户|"  # 其中一个客户 X, 其客户 X: a customer of a start-up is a firm
                             r"(?:公司|企业|超市|零售商|银行|航空公司|巨头|集团|厂商|制造商|运营商|供应商|服务商)之一|"  # 连锁超市之一 X
                             r"(?:法律|医疗|教育|营销|写作|编程|搜索|视频|音乐|语音|客服|金融|销售|设计|图像|翻译|办公|笔记|社交|陪伴|"
                             r"游戏|招聘|药物|生物|安全|法务|会计|财务|保险|电商|广告)\s?AI|(?:的|新)(?:创业公司|初创公司)\s*[：:])\s*$")
# 由红杉支持的 X, 由 Y Combinator 孵化的 X: a firm investors back (read further back than the cues above)
_BACKED_BEFORE = re.compile(r"由[^，,。；;！!？?]{1,20}?(?:支持|孵化|投资|资助)的\s*$")  # 法律 AI Harvey: a start-up
# a name with a model's size or tuning word after a hyphen: Whisper-Small, SenseVoice-Large, Vexa-Mini-Instruct
SIZED_MODEL = re.compile(r"[A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]+)*-(?:Tiny|Small|Base|Medium|Large|XL|XXL|Mini|Nano|Micro|Pro|Max|"
                         r"Ultra|Turbo|Lite|Flash|Instruct|Chat|Coder|Vision)(?:-(?:Instruct|Chat|Preview))?")
# a network or model named after its architecture: a name, then the architecture's word (GhostNet, Zipformer,
# StyleGAN, PT-DiT, MobileMamba, SUBLLM, CoLT5), a version after it (MobileNetv2)
ARCHITECTURE_NAMED = re.compile(r"[A-Z][A-Za-z0-9]*-?(?:Net|former|Former|GAN|Mamba|ViT|DiT|LLM|TTS|"
                                r"BERT|RCNN|CNN|Transformer|Diffusion|VAE|Vim|NeRF|T5|YOLO)(?:-?[vV]?\d+(?:\.\d+)?)?")
_PROPOSED = re.compile(r"(?:提出|研发|开发)了?的?\s*$"
                       r"|(?:大学|大|学院|实验室|研究院|研究所|团队|机构|高校|Lab|等)\s*(?:联合|共同)?(?:推出|发布|开源)了?\s*$")  # 青禾大学/远山实验室等推出 ViewCraft
_CAMEL = re.compile(r"[A-Z]?[a-z]+[A-Z][A-Za-z]*")


def proposed(text: str, a: int, name: str) -> bool:
    """作者提出的 LlamaGen, 提出了 ViewCrafter: a CamelCase name a paper's authors propose is a model (RLHF, an
    acronym, may be a method, and is left alone)."""
    return " " not in name and bool(_CAMEL.fullmatch(name)) and bool(_PROPOSED.search(text[max(0, a - 10):a]))


_MODEL_WORD_AFTER = re.compile(r"\s*(?:系列\s*(?:的)?\s*(?:小型|开源|轻量级?|多模态|推理)?\s*(?:语言)?)?(?:大语言模型|大模型|语言模型|模型)(?!\s*(?:评测|测评|榜单|排行|平台|基准|竞技场))")
_MODEL_SERVICE = re.compile(r"\s*(?:评测|测评|榜单|排行榜?|基准|竞技场)")
_KIND_LEAD = re.compile(r"(VC|AI) (?=[A-Z])")
_DOMAIN_BEFORE = re.compile(r"(?:法律|医疗|教育|营销|写作|编程|搜索|视频|音乐|语音|客服|金融|销售|设计|图像|翻译|办公|笔记|社交|陪伴|"
                            r"游戏|招聘|药物|生物|安全|法务|会计|财务|保险|电商|广告)\s?$")
_POSSESSOR = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z0-9]*['’]$")
_NUMBER_LEAD = re.compile(r"(?:^|(?<=[和与及、，,|&（(：:\n]))\d{2,4} ?$")  # (和360 AI Research, not 有 300 …)
_NOT_MODEL_AFTER = ("数据集", "基准", "测试集", "榜单", "框架", "引擎", "库")  # LibriTTS 数据集, vLLM 框架
_BENCHMARK = re.compile(r"(?:MMLU|GSM|HumanEval|MBPP|GPQA|MATH|ARC|HellaSwag|BBH|CMMLU|C-Eval|AIME|SWE|LiveCodeBench|MMMU|"
                        r"MT-Bench|AlpacaEval|Arena|TruthfulQA|WinoGrande|DROP|IFEval)\b", re.I)
_MODEL_TAIL = re.compile(r"\s*(?:大语言模型|大模型|语言模型|模型|model|LLM)", re.I)


@lru_cache(maxsize=1)
def _titled_rx() -> re.Pattern:
    words = sorted({t for t in titles() if len(t) >= 2} | {"教授", "研究员", "科学家", "工程师", "记者", "主编"}, key=len, reverse=True)
    return re.compile(r"\s*(?:，|,|是|为|现任|担任|目前是|现在是|如今是)\s*(?:[^，,。；;！？!?其它该他她]{0,24}?的|[A-Za-z0-9][\w.&\- ]{0,30}?\s*)?\s*"
                      r"(?:[\u4e00-\u9fff]{0,4}?(?:和|与|及))?[\u4e00-\u9fff]{0,4}?(?:" + "|".join(map(re.escape, words)) + r")"
                      r"\s*(?=[，,。；;！？!?）)]|$)")


def titled_apposition(text: str, end: int) -> bool:
    """Zorblat Quenton，青禾科技的 CEO，… · Zorblat Quenton 是青禾科技的开发和体验主管。· Zorblat Quenton，Brightwell
    公司法律顾问，…: what follows the name (a comma
    or 是, then an organisation's title ending the clause) says it is a person's."""
    return bool(_titled_rx().match(text, end))


def _pattern_mentions(text: str, sent: Sentence, toks: list[Token], gaz: Gazetteer) -> list[Mention]:
    out: list[Mention] = []
    s0, st = sent.start, sent.text
    # 「X」大模型, 《X》系列, 推出「X」
    for rx in (_QUOTED_MODEL, _RELEASE_QUOTED):
        for m in rx.finditer(st):
            g = 1 if m.group(1) is not None else 2
            name = m.group(g).strip()
            if g == 2 and (len(name) < 3 and not re.search(r"[A-Za-z0-9]", name)
                           or all(is_han(ch) for ch in name) and _common_words(name)):
                continue  # 大模型“套壳”: a word in scare quotes after 模型, not a model's name
            if re.search(r"(?:所谓的?|俗称的?|号称的?|这种|这类|一种)\s*$", st[max(0, m.start() - 5):m.start()]):
                continue  # 所谓的“套壳”模型: a so-called kind of model, not one model's name
            if m.group(0).startswith("《") and m.group(0).endswith("系列"):
                continue  # 《文化》系列: a series of books or films; a model's name in 《》 comes with a model word
            if _name_like(name) and "、" not in name and not (rx is _RELEASE_QUOTED and (
                    _WORK_TITLE.search(name) or len(name) >= 3 and all(is_han(ch) for ch in name) and _common_words(name))):
                # (推出了「人造肉」: common words in quotes after a release verb name a kind of product; 「盘古」大模型
                # says it is a model)
                a = s0 + m.start(g) + (len(m.group(g)) - len(m.group(g).lstrip()))
                out.append(Mention(name, MODEL, a, a + len(name), "pattern", None, 0.9))
    # 《科学》杂志, 《财经》周刊: a publication quoted as a source is a company (data/README.md)
    for m in _QUOTED_MEDIA.finditer(st):
        name = m.group(1).strip()
        acts = re.search(r"(?:与|和|同|跟|联合)\s*$", st[max(0, m.start() - 3):m.start()]) or _MEDIA_ACTS.match(st, m.end())
        if _name_like(name) and acts:  # (a title quoted for what it printed is a work, not an actor)
            a = s0 + m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
            out.append(Mention(name, COMPANY, a, a + len(name), "pattern", None, 0.8))
    # X大模型团队 is a team (an ORG); X大模型 is a model
    tok_starts = {t.start for t in toks}
    for m in _MODEL_TEAM.finditer(st):
        a, b = s0 + m.start(), s0 + m.end()
        while toks and a not in tok_starts and a < s0 + m.end(1):
            a += 1  # 集团旗下百灵大模型团队: the name starts where a word starts
        name = text[a:s0 + m.end(1)]
        if len(name) >= 2 and _name_like(name) and name.lower() not in _GENERIC_MODIFIERS:
            out.append(Mention(text[a:b], ORG, a, b, "pattern", None, 0.8))
    # X大模型 over jieba tokens: the name token right before 大模型/模型
    for i, t in enumerate(toks):
        if t.text in ("大模型", "大语言模型") or (t.text == "大" and i + 1 < len(toks) and toks[i + 1].text == "模型"):
            j = i - 1
            model_end = t.end if t.text != "大" else toks[i + 1].end
            if j >= 0 and t.start - toks[j].end <= (1 if toks[j].pos == "eng" else 0) and _model_name_token(toks[j]) \
                    and not _MODEL_SERVICE.match(text, model_end):  # (FlagEval大模型评测平台: a platform that tests models)
                a, b = toks[j].start, toks[j].end
                if j >= 1 and toks[j - 1].end == a and toks[j - 1].pos == "eng" and toks[j].pos in ("m", "eng", "x"):
                    a = toks[j - 1].start
                if is_han(toks[j].text[0]) and _common_words(toks[j].text) and not _made_by_someone(text, toks[j].text, gaz):
                    continue  # 利用大模型, 医学大模型, 基座大模型: a word of the language, no name (讯飞星火大模型 is one)
                if is_han(toks[j].text[0]) and _NAMED_AFTER.match(text, model_end) and gaz.lookup(toks[j].text) is None \
                        and _in_dictionary(toks[j].text):
                    continue  # 城市大模型 CityLynx: the name comes after, the word before says what the model is for
                out.append(Mention(text[a:b], MODEL, a, b, "pattern", None, 0.75))
    # Latin names: models with versions, organisations with suffixes, people near titles or speech verbs
    title_set = titles()
    for m in _latin_names(st):
        name = m.group(1)
        a, b = s0 + m.start(1), s0 + m.end(1)
        if a > 0 and text[a - 1] == "《" and text[b:b + 1] == "》" and not _QUOTED_MEDIA.match(text, a - 1):
            continue  # 《The Final Foundry Fund》: the title of a post or a book, not a name
        kind = _KIND_LEAD.match(name)
        if kind and (kind.group(1) == "VC" or _DOMAIN_BEFORE.search(text, max(0, a - 4), a)) and gaz.lookup(name) is None:
            name, a = name[kind.end():], a + kind.end()  # 一家 VC Foundry, 法律 AI Casetext: a kind before the name
        owner = _POSSESSOR.search(text, max(0, a - 24), a) if name.startswith("s ") else None
        if owner:  # Microsoft's Venture Fund: the owner's name and its 's are part of the name
            name, a = text[owner.start():b], owner.start()
        rnd = re.search(r" [A-E]$", name)
        if rnd and re.match(r"\s*\+{0,2}\s*轮", text[b:b + 4]):
            name, b = name[:rnd.start()], a + rnd.start()  # Harvey A 轮: the round's letter is not the name's
        count = re.search(r"(?<=[A-Za-z]{3})\d+$", name)
        if count and (re.match(r"\s*(?:年|位|个|月|日|款|万|亿|岁|%|倍)", text[b:b + 2])
                      or re.fullmatch(r"(?:19|20)\d{2}", count.group(0))):
            name, b = name[:count.start()], a + count.start()  # OpenAI2024 年, Anthropic7 位: a year or a count after it
        words = name.split()
        after, before = text[b:b + 8], text[max(0, a - 8):a]
        unit = _UNIT_AFTER.match(text, b)
        if unit and len(words) == 1 and name in given_names() and gaz.lookup(name) is None:
            continue  # Reid团队, Jeff实验室: a person's team, neither a named unit nor a company
        elif unit and gaz.lookup(name) is None or (unit and gaz.lookup(name).type in (COMPANY, ORG)):
            # Seed 团队, LongCat 团队, Meta 超级智能实验室: a named unit
            out.append(Mention(text[a:unit.end()], ORG, a, unit.end(), "pattern", None, 0.75))
        elif any(ch.isdigit() for ch in name) and _model_like(name, after, gaz, before=text[max(0, a - 14):a]):
            kind = re.search(r" (AI|LLM|API|Agent|Model|App)$", name)
            if kind and any(ch.isdigit() for ch in name[:kind.start()]):
                name, b = name[:kind.start()], a + kind.start()  # Granite 3.0 LLM: the last word says what it is
            out.append(Mention(name, MODEL, a, b, "pattern", None, 0.85))
        elif SIZED_MODEL.fullmatch(name) and gaz.lookup(name) is None and not english_context(text, a, b) \
                and not _BENCHMARK.match(name):
            out.append(Mention(name, MODEL, a, b, "pattern", None, 0.75))  # Whisper-Small, Vexa-Large-Instruct
        elif len(words) == 1 and ARCHITECTURE_NAMED.fullmatch(name) and gaz.lookup(name) is None \
                and name.lower() not in stopnames() and not english_context(text, a, b) \
                and not after.lstrip().startswith(_PRODUCT_NOUNS + _NOT_MODEL_AFTER) and not _COMPANY_AFTER.match(text, b) \
                and not _COMPANY_BEFORE.search(text, max(0, a - 8), a) and not _list_evidence(text, a, b, COMPANY, gaz) \
                and not before.rstrip().endswith(_NOT_MODEL_AFTER):  # (英文数据集LibriTTS)
            out.append(Mention(name, MODEL, a, b, "pattern", None, 0.75))  # GhostNet, Zipformer, PT-DiT, SUBLLM
        elif len(words) >= 2 and words[-1].rstrip(".") in {s.rstrip(".") for s in COMPANY_SUFFIXES + ORG_SUFFIXES if s.isascii()}:
            if words[-1] in ("Co", "Inc", "Ltd", "Corp") and text[b:b + 1] == ".":
                name, b = name + ".", b + 1  # Cyber Manufacture Co.: the abbreviation's period is the name's
            lead = _NUMBER_LEAD.search(text, max(0, a - 6), a)
            if lead:
                name, a = text[lead.start():b], lead.start()  # 360 AI Research: a number that names the company
            out.append(Mention(name, _org_type(name, default=COMPANY), a, b, "pattern", None, 0.8))
        elif 2 <= len(words) <= 4 and LATIN_PERSON.fullmatch(name) and gaz.lookup(name) is None \
                and words[-1] not in _PRODUCT_TAIL_WORDS and (
                    person_shaped(name) and not english_context(text, a, b) and not _released(text, a, b)
                    or any(before.rstrip().endswith(tt) for tt in title_set)
                    or _PERSON_CLASSIFIER.search(before) or _OCCUPATION_BEFORE.search(before)
                    or _WORKS_THERE.search(text, max(0, a - 40), a)
                    or any(after.lstrip().startswith(v) for v in _PERSON_VERBS)
                    or after.lstrip().startswith(tuple(_TITLES_AFTER_NAME)) and before.rstrip().endswith(_INSTITUTION_ENDS)
                    or _listed_with_people(text, a, b, gaz) or titled_apposition(text, b)):
            out.append(Mention(name, PERSON, a, b, "pattern", None, 0.8))
        elif len(words) == 1 and _SURNAME_ONLY.fullmatch(name) and gaz.lookup(name) is None and \
                (_PERSON_TITLE_BEFORE.search(text, max(0, a - 8), a) or TITLE_IN_BRACKETS.match(text, b)) \
                and not english_context(text, a, b):
            # 创始人 Boufarhat 为…: a capitalised word right after a person's title is a person (named by surname)
            out.append(Mention(name, PERSON, a, b, "pattern", None, 0.7))
        elif len(words) == 1 and name in given_names() and gaz.lookup(name) is None and not english_context(text, a, b) \
                and name.lower() not in stopnames() and (
                    _ROLE_BEFORE_GIVEN.search(text, max(0, a - 6), a) or _SAID_AFTER.match(text, b)) \
                and not company_said(text, name):  # (法律 AI 公司 Harvey … Harvey 表示: the company speaks)
            # 主持人Gary, 正如Jeff所提到的, 老师Rich认为: a known given name with a role before it or a speech verb after
            out.append(Mention(name, PERSON, a, b, "pattern", None, 0.65))
        elif gaz.lookup(name) is None and not english_context(text, a, b) and len(words) <= 2 and name[:1].isupper() \
                and words[0].lower() not in _ARCHITECTURES and words[-1].upper() not in ("AI", "AGENT") \
                and (_MODEL_BEFORE.search(text, max(0, a - 30), a) or _MODEL_WORD_AFTER.match(after) or proposed(text, a, name)) \
                and not after.lstrip().startswith(_PRODUCT_NOUNS):
            # 大模型项目Lumenix, 两款模型：Sablevox和Cobaltra: a model by the word before it (and the list it opens)
            out.append(Mention(name, MODEL, a, b, "pattern", None, 0.75))
        elif name[:1].isupper() and gaz.lookup(name) is None and not english_context(text, a, b) and (
                _COMPANY_AFTER.match(text, b) or _COMPANY_BEFORE.search(text, max(0, a - 8), a)
                or _BACKED_BEFORE.search(text, max(0, a - 26), a)
                or len(words) >= 2 and words[-1] == "AI" or _list_evidence(text, a, b, COMPANY, gaz)):
            # Quillstone AI 的创始人, 初创公司 Lumora, 领投了 Brightline, Nexora AI: a company by what the text says of it;
            # of a longer run (AI Podcast Quillstone AI) its last two words
            if len(words) >= 3:
                a = b - len(" ".join(words[-2:]))
            joined = _AND_NAME.match(text, b)
            if joined and _COMPANY_BEFORE.search(text, max(0, a - 8), a):
                b = joined.end()  # 调研机构 Reports and Data: after a descriptor, "X and Y" is one firm's name
            elif joined:
                continue  # Reports and Data with nothing said of it: not the firm "Reports"
            out.append(Mention(text[a:b], _org_type(text[a:b], default=COMPANY), a, b, "pattern", None, 0.7))
    # transliterated foreign names: 凯文·斯科特, 达里奥·阿莫迪
    starts = {t.start for t in toks}
    for m in _DOTTED_NAME.finditer(st):
        a, b = s0 + m.start(), s0 + m.end()
        dot = a + next(i for i, ch in enumerate(m.group(0)) if ch in NAME_DOTS)
        while toks and a not in starts and a < dot - 1:
            a += 1  # 首席技术官凯文·斯科特: the name starts where a word starts
        for t in toks:  # 大片的安德鲁·亚当森, 艺术家达米恩·赫斯特: nor does it hold a function word or an occupation
            if a <= t.start and t.end < dot and (
                    t.pos[:1] in ("v", "p", "u", "c", "d", "r", "m", "q") or t.text in _STOP_AFTER or t.text in title_set
                    or len(t.text) >= 2 and t.pos == "n" and t.text[-1] in "家者员师手长"
                    or _common_noun(t.text)):  # 老将, 黑人, 研究所, 一部 before a foreign name
                a = t.end
        last = next((t for t in toks if t.end == dot and t.start >= a), None)
        if last is not None and last.end - last.start >= 3 and text[last.start] in _GLUED_BEFORE_NAME:
            a = last.start + 1  # 这句话由伯特兰·罗素: the segmenter glued 由 to the given name
        elif last is not None and any(t.start >= a and t.end <= last.start and _common_part(t.text) for t in toks):
            a = last.start  # 这句话伯特兰·罗素: a common word before the given name's word is not the name's
        elif last is not None and any(t.start >= a and t.end <= last.start and _not_transliterated(t.text) for t in toks):
            a = last.start  # 这是奥布里·德·格雷, 祝贺约翰·琼珀: a dictionary word of no foreign name before the given name
        after = [t for t in toks if dot < t.start and t.end <= b]
        if after:  # …斯科特表示: the name ends before the verb
            keep = []
            for t in after:
                if t.pos[:1] in ("v", "p", "u", "c", "d", "r") or t.pos[:1] in ("m", "q") and len(t.text) >= 2 \
                        and t.text[0] in "0123456789一二两三四五六七八九十几半" or t.text in _STOP_AFTER:
                    break  # (萨姆·童是一位: a count after the name is not part of it; 万 of 莱万多夫斯基 is)
                if keep and t.pos == "n" and len(t.text) >= 2 and _frequent(t.text):
                    break  # 桑德斯迷因, 史密斯篮球: a noun after the surname is not part of the name
                keep.append(t)
            if keep:
                b = keep[-1].end
                w = keep[-1].text
                if (len(w) >= 3 or len(w) == 2 and w[-1] in "是说在将就都还又并曾已被把与") and w[-1] in _GLUED_AFTER_NAME \
                        and _dictionary_word(w) is False:
                    b -= 1  # 卡里姆·贝吉尔有过一次对话, 金伯莉·谭是: the segmenter glued the verb to the surname
                elif len(w) >= 3 and w[-2:] in _VERBS_GLUED:
                    b -= 2  # 本·赵开发了: a two-character verb glued to the surname
        name = text[a:b]
        if st.rfind("《", 0, a - s0) > st.rfind("》", 0, a - s0):
            continue  # 《哈利·波特与魔法石》, 《礼记·王制》: a work's title, not a person
        if gaz.lookup(name) is None or gaz.lookup(name).type == PERSON:
            out.append(Mention(name, PERSON, a, b, "pattern", None, 0.8))
    # a Chinese name with a Latin or numbered variant: 观澜-2, 澄观-Med, 望舒-Music
    for m in _CJK_VARIANT.finditer(st):
        a, b = s0 + m.start(1), s0 + m.end(1)
        h = s0 + m.start(1) + len(m.group(2))  # the hyphen
        before = [t for t in toks if t.start < h <= t.end and t.end == h]
        if before:  # 表示码上-Coder: the name is the word (or two) right before the hyphen
            k = toks.index(before[0])
            a = before[0].start
            if h - a < 2 and k > 0 and toks[k - 1].end == a and is_han(toks[k - 1].text[-1]):
                a = toks[k - 1].start
        if h - a >= 3 and text[a] in "和与及或跟同":
            a += 1  # 观澜-2 和澄观-Med: the segmenter glued the list's 和 to the name
        if h - a < 2 or _PRODUCT_AFTER.match(text, b) or text[a:h].lower() in stopnames() or _frequent(text[a:h]):
            continue  # (欧元-3000: a currency, not a model's name)
        out.append(Mention(text[a:b], MODEL, a, b, "pattern", None, 0.75))
    # organisation suffixes over jieba tokens: extend left over name-like tokens
    out += _suffix_orgs(text, toks)
    out += _appositive_names(text, toks)
    # Chinese person names after a title: 副主任俞栋, CEO王小川
    out += _titled_people(text, toks, title_set)
    out += _context_people(text, toks, title_set)
    out += _listed_people(text, sent)
    out += _listed_orgs(text, sent, gaz)
    out += _listed_models(text, sent, gaz)
    return out


_MODEL_ITEM = r"[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?: [A-Z][A-Za-z0-9\-]*)?"
_MODEL_LIST = re.compile(rf"({_MODEL_ITEM}(?:\s*(?:、|和|与|及|以及|,)\s*{_MODEL_ITEM})*)")
_MODELS_CLOSE = re.compile(r"\s*等\s*(?:[^，,。；;\sA-Za-z]{0,6}?)(?:模型|基线)")
_MODELS_OPEN = re.compile(r"(?:优于|超越|超过|击败|领先于?|胜过|相比|对比)[^，,。；;]{0,12}?(?:模型|方法|基线)\s*"
                          rf"(?:{_MODEL_ITEM}\s*(?:、|和|与|及|以及|,)\s*){{0,6}}$")


def _listed_models(text: str, sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Latin names in a list that closes with 等…模型 (优于 SEEM、SegVol、SAT 等多个模型) or that a comparison opens with
    a model word (超越了当前最优方法 MedSAM 和 SAM): the text calls each of them a model."""
    out = []
    s0, st = sent.start, sent.text
    if "模型" not in st and "方法" not in st and "基线" not in st:
        return out
    for m in _MODEL_LIST.finditer(st):
        a, b = s0 + m.start(1), s0 + m.end(1)
        if a > 0 and (text[a - 1].isalnum() and text[a - 1].isascii() or text[a - 1] in "-."):
            continue  # (the tail of a longer Latin word)
        if not (_MODELS_CLOSE.match(text, b) or _MODELS_OPEN.search(text, max(0, a - 24), a)):
            continue
        for item in re.finditer(_MODEL_ITEM, m.group(1)):
            name = item.group(0)
            ia, ib = a + item.start(), a + item.end()
            entry = gaz.lookup(name)
            if entry is not None and entry.type != MODEL or name.lower() in stopnames() or _BENCHMARK.match(name) \
                    or name.lower() in _ARCHITECTURES or english_context(text, ia, ib):
                continue
            out.append(Mention(name, MODEL, ia, ib, "pattern", None, 0.75))
    return out


_MODEL_TEAM = re.compile(r"((?:(?![的之与和及])[\u4e00-\u9fffA-Za-z0-9]){2,8}?)\s?(?:大模型|模型)(?:研发)?团队")


NAME_DOTS = "·•・‧"  # join the parts of a transliterated name: 凯文·斯科特
_DOTTED_PART = r"(?:(?![和与及])[\u4e00-\u9fff]){1,8}"  # (约翰·史密斯和乔·格比亚: two names, not one in three parts)
_DOTTED_NAME = re.compile(rf"[\u4e00-\u9fff]{{1,6}}[{NAME_DOTS}]{_DOTTED_PART}(?:-[\u4e00-\u9fff]{{1,6}})?"
                          rf"(?:[{NAME_DOTS}]{_DOTTED_PART}(?:-[\u4e00-\u9fff]{{1,6}})?)?")  # 莉娜·卡特-莫里斯


_CJK_VARIANT = re.compile(r"(([\u4e00-\u9fff]{2,4})-[A-Za-z0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*)(?![A-Za-z0-9])")


_PRODUCT_AFTER = re.compile(r"\s?(芯片|手机|显卡|汽车|机器人|系统|平台|眼镜|耳机|服务器|处理器|号|型号)")


_UNIT_AFTER = re.compile(r"\s?((?:研发|研究|开发|技术)?团队|实验室|研究院|研究所|事业部|工作室)")


# occupations that are no titles of an organisation but say that the name after them is a person's
_OCCUPATION_BEFORE = re.compile(r"(?:歌手|制作人|音乐人|演员|导演|作家|艺术家|设计师|主持人|博主|网红|分析师|律师|医生|球员|运动员|"
                                r"企业家|投资人|天使投资人|经济学家|哲学家|历史学家|心理学家|数学家|物理学家)\s*$")
# 还有一位 Will Hurd, 这位叫 Shivon Zilis 的投资人: 位 counts people
_PERSON_CLASSIFIER = re.compile(r"(?<!第)(?:[一这那两几每另]|另一)位\s*(?:叫做?|名叫)?\s*$")
_SURNAME_ONLY = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?:[-'][A-Z]?[a-zß-öø-ÿ]+)?")
_ROLE_BEFORE_GIVEN = re.compile(r"(?:主持人|投资人|合伙人|老师|记者|嘉宾|同事|朋友|编辑|作者|分析师|工程师|研究员|创始人|CEO)\s*$")
_SAID_AFTER = re.compile(r"\s*(?:所|也|则|曾|就)?\s*(?:提到|说|表示|认为|指出|解释|补充|回忆|写道|问道|回答|坦言|透露)")
_PERSON_TITLE_BEFORE = re.compile(r"(?:联合创始人|创始人|创办人|首席执行官|董事长|总裁|CEO|CTO|COO|CFO|教授|博士|学家|研究员|"
                                  r"总统|总理|首相|部长|议员|州长|市长|主席)\s*$")
# Rafe (谷歌 AI 研究员): a person's post in brackets right after the name
TITLE_IN_BRACKETS = re.compile(r"\s*[（(]\s*[^（）()，,。]{0,16}?(?:研究员|研究科学家|工程师|科学家|教授|CEO|CTO|COO|CFO|创始人|合伙人|"
                               r"总裁|负责人|主管|总监|经理|董事|主席|实习生|博士生|研究生)\s*[）)]")
# 在 Google DeepMind 工作的 X, 就职于 Y 的 X: a name after where someone works is a person
_WORKS_THERE = re.compile(r"(?:在|于)\s*[^，,。；;]{1,30}?\s*(?:工作|任职|就职|实习|读博|读书)的\s*$")
_LATIN_TITLES = frozenset({"CEO", "CTO", "COO", "CFO", "CPO", "CSO", "VP", "SVP", "EVP", "Founder", "Co-founder",
                           "President", "Chairman", "Director", "Head", "Chief", "GP"})


class _Span:
    """A sub-match of a Latin name sequence, with the interface of re.Match that the caller uses."""

    def __init__(self, text: str, start: int, end: int):
        self._t, self._s, self._e = text, start, end

    def group(self, _=0):
        return self._t[self._s:self._e]

    def start(self, _=0):
        return self._s

    def end(self, _=0):
        return self._e


# a product's edition after its name (Blackwell Ultra, Vision Pro): no person's surname
_PRODUCT_TAIL_WORDS = frozenset("Ultra Pro Max Mini Plus Lite Air Turbo Flash Nano Studio Edge Chat Vision Coder Instruct "
                                "Preview Beta Alpha Cloud Server Desktop Mobile Premium Enterprise Omni".split())


_LOWER_FUNCTION_WORDS = frozenset("of and the for in at on to by with from a an".split())


def _latin_names(st: str):
    """Latin name runs, split at title words so that GitHub CEO Nat Friedman gives GitHub and Nat Friedman.

    A part starts with a letter, as a whole run does: in Founder 100 or CEO 2024 the number after the title
    is no name, and is dropped."""
    for m in _LATIN_NAME.finditer(st):
        parts = []
        for w in re.finditer(r"\S+", m.group(1)):
            if w.group(0) in _LATIN_TITLES:
                if parts:
                    yield _Span(st, parts[0], parts[1])
                parts = []
                continue
            if not parts and (not w.group(0)[0].isalpha() or w.group(0) in _LOWER_FUNCTION_WORDS):
                continue  # (SVP of Research): a name does not start with "of"
            a, b = m.start(1) + w.start(), m.start(1) + w.end()
            parts = [parts[0] if parts else a, b]
        if parts:
            yield _Span(st, parts[0], parts[1])


# what a university or college is of (理工大学, 师范学院): a kind of school, whose name is the word before it
_SCHOOL_KINDS = frozenset("理工 师范 科技 工业 交通 农业 医科 财经 政法 外国语 民族 石油 电子科技 航空航天 职业技术 职业 艺术 体育 "
                          "商业 工商 海洋 林业 中医药 医学 理工科".split())


def _suffix_orgs(text: str, toks: list[Token]) -> list[Mention]:
    out = []
    for i, t in enumerate(toks):
        suffix = _org_suffix(t.text)
        if not suffix or t.text in _DESCRIPTORS:
            continue
        j = i
        kind_word = t.text != suffix and (len(t.text) - len(suffix) < 2 or t.text[:-len(suffix)].lower()
                                          in _GENERIC_ORG_WORDS or _common_words(t.text)
                                          or suffix in _INSTITUTION_ENDS and t.text[:-len(suffix)] in _SCHOOL_KINDS)
        if t.text == suffix or kind_word and suffix in _INSTITUTION_ENDS:
            # extend over up to three name-like tokens on the left (蓝湾|理工大学: a kind of university after a name)
            while j > 0 and i - j < 3 and toks[j - 1].end == toks[j].start and (
                    _org_part(toks[j - 1]) or suffix in _INSTITUTION_ENDS and toks[j - 1].text in _WEAK_SUFFIXES):
                j -= 1  # (蓝湾科技大学: a trade word before 大学 is part of a university's name, not its end)
            if j == i:
                continue
        elif kind_word:
            continue  # one dictionary word for a kind of organisation: 商业银行, 金融公司, 法学院, 子公司, 投资银行, 聊天机器人
        left = toks[j:i] if t.text == suffix else toks[j:i + 1]
        if _verb_across(text, t.end) and _common_words(text[toks[j].start:t.end]):
            continue  # 对科学研究所能带来的: common words, and the suffix's last character makes a word with the next (所能)
        if all(tok.text.lower() in _GENERIC_ORG_WORDS for tok in toks[j:i]) and t.text == suffix:
            continue  # 人工智能实验室 is not a name; 北京大学, 上海人工智能实验室, 智源研究院 are
        if suffix in ("团队", "实验室") and j == i - 1 and toks[j].text in given_names():
            continue  # Reid团队, Jeff实验室: a person's team, not a named unit
        if suffix == "团队" and not any(tok.pos in ("nz", "nr", "nrt", "nt", "eng", "j") or tok.text.isascii()
                                       for tok in toks[j:i + 1] if tok.text != "团队"):
            continue  # Seed 团队 and 百灵大模型团队 are names; 加强团队 is not
        if suffix in _WEAK_SUFFIXES:
            # 百川智能 and 月之暗面科技 are names; 中国科技企业 and 人工智能 are not
            if t.text == suffix and not any((tok.pos in ("nz", "nr", "nrt", "nt", "eng", "j", "n", "x", "nrfg")
                                             or tok.pos == "ns" and len(tok.text) >= 2)  # 黄山资本, not 听|澜智能
                                            and tok.text.lower() not in _GENERIC_ORG_WORDS for tok in left):
                continue
            if i + 1 < len(toks) and toks[i + 1].start == t.end and toks[i + 1].text in _HEAD_NOUNS:
                continue
            if suffix == "网络" and _ARCHITECTURE_PART.search(text[toks[j].start:t.start]):
                continue  # 图卷积网络, 动态门控网络, 生成对抗网络: a kind of neural network, not a firm
            if suffix in ("智能", "科技") and goes_on(text, t.end, suffix):
                continue  # 智能体框架, 科技感, 智能化, 科技进步奖: the suffix is part of a longer word
            if t.text == suffix and toks[i - 1].text in _FIELD_WORDS and \
                    (j == i - 1 or _common_words(text[toks[j].start:toks[i - 1].start])):
                continue  # 人居环境具身智能, 协同具身智能, 法律科技: a field of work, not a firm (青禾具身智能 is one)
            if t.text == suffix and j == i - 1 and toks[j].text in _REGIONS:
                continue  # 中国科技, 全球智能: a country or region alone before the trade word (a common word may
                #           name a firm: 星云科技, 橡树资本; 人形机器人 is left to the lists of descriptors)
        while t.text == suffix and j < i - 1 and toks[j].text in _LEFT_FUNCTION_WORDS:
            j += 1  # 连斯坦福人工智能实验室主任都来了, 有位 211 大学副教授: the adverb or classifier is not the name's
        verb = next((k for k in range(i - 1, j - 1, -1) if toks[k].text in _VERBS_BEFORE_NAMES), None) \
            if t.text == suffix else None
        if verb is not None and verb == i - 1:
            continue  # 致力于智能的创造: the verb leaves only the trade word, no name
        if verb is not None and verb < i - 1:
            j = verb + 1  # 曾任法国得宝科技, 周明曾任星河大学: the name starts after the verb (the segmenter may tag it a name part)
        glued = next((k for k in range(i - 1, j, -1) if _glued_function_char(toks[k])), None) if t.text == suffix else None
        if glued is not None:
            j = glued  # 发布会|由青禾|资本: the name starts after the function word the segmenter glued to it
        a, b = toks[j].start, t.end
        if t.text == suffix and _glued_function_char(toks[j]):
            a += 1  # 但慧夜科技, 给慧夜科技: a function word the segmenter's guess glued to the name
        if text[a] == "任" and a > 0 and text[a - 1] in "曾现历兼原升转" and len(toks[j].text) >= 2:
            a += 1  # 曾任|大搜车集团 as 曾|任大|搜车|集团: 任 (served as) is the verb, not the name's
        if text[a] in "和与及" and j > 0 and toks[j - 1].end == a and _org_suffix(toks[j - 1].text):
            a += 1  # 远山科技和顺禾科技: the segmenter joined the list's 和 to the next name (和顺)
        name = text[a:b]
        if name.lower() in stopnames() or len(name) < 3:
            continue
        if suffix == "学会" and (text[b:b + 1] in "了过着" or _LEARN_BEFORE.search(name[:-2])):
            continue  # 让他学会了, 这类样本很难学会: the verb 学会 (to learn), not a society
        if re.search(r"\d\s*[亿万千百]", name):
            continue  # 看3.2亿帧视频学会3D生成: a count before the suffix is no part of a name
        if suffix in ("机器人", "汽车", "半导体", "网络", "智能") and re.fullmatch(r"[A-Za-z]{1,3}-?\d{1,4}[A-Za-z]{0,2}\s*",
                                                                        name[:-len(suffix)]):
            continue  # 开发了R1机器人, 推出 X5 汽车: a product's model number before the trade word, not a firm
        if suffix in ("大学", "学院") and re.fullmatch(r"(?:不|没|没有|未|还没|想|要)?(?:上|读|考|念)", name[:-len(suffix)]):
            continue  # 不上大学, 考大学: going to university, not a university's name
        if suffix in ("公司", "企业") and i + 1 < len(toks) and toks[i + 1].start == b and toks[i + 1].pos in _NAME_POS \
                and toks[i + 1].text not in _STOP_AFTER:
            continue  # 灵巧手公司指间科技: a descriptor before a name
        out.append(Mention(name, _org_type(name, default=ORG), a, b, "pattern", None, 0.7))
    return out


_LEFT_FUNCTION_WORDS = frozenset("连 有位 一位 这位 那位 有个 这个 那个 甚至 就连 也 都 还 又 就 即 连同".split())
# one-character function words the segmenter glues to a transliterated given name (由伯特兰, 着伯尼)
_GLUED_BEFORE_NAME = frozenset("由着为被把将和与在是给向对从让")
# one-character verbs and adverbs the segmenter glues to a transliterated surname (贝吉尔有过)
_VERBS_GLUED = frozenset("开发 表示 认为 指出 发布 推出 创立 创办 加入 担任 提出 介绍 透露 说道 强调 坦言 回忆 解释".split())
_GLUED_AFTER_NAME = frozenset("有是在和说将也就都还又并曾已被把与")


def _not_transliterated(word: str) -> bool:
    """A word none of whose characters any transliterated name the gazetteer lists is written with (这是, 祝贺; not
    默罕 of 默罕默德): not part of a foreign name."""
    from .evidence import _transliteration_chars

    han = [ch for ch in word if is_han(ch)]
    return bool(han) and not any(ch in _transliteration_chars() for ch in han)


# verbs before a name that the segmenter, guessing, tags as a name part (曾任 as nr)
_VERBS_BEFORE_NAMES = frozenset("对话 专访 访谈 采访 对谈 走进 探访 曾任 历任 现任 现为 成为 作为 担任 出任 兼任 加入 来自 就职 任职 创办 创立 成立 投资 收购 选择 离开 离职 入职 创建 "
                                "比方说 比如说 比如 例如 譬如 包括 像是 致力于 专注于 聚焦于 着眼于".split())  # (and words that open a list's first item)
# what before 学会 makes it the verb (很难学会, 可以学会, 逐渐学会): a modal or an adverb, never a society's name
_LEARN_BEFORE = re.compile(r"(?:难|易|会|能|要|想|不|没|才|就|都|也|可以|快速|逐渐|已经|终于|慢慢|需要|必须|很快|学着|努力)$")
# one-character function words a guessed word can swallow at its front (但慧夜 of 但慧夜科技)
_FUNCTION_CHARS = frozenset("但给说和与让把被对向在从是也就都还而并及或跟同由将以令使为于到像如比连且又即兼")


# adverbs that open a clause (公司刚成立, 公司越难被超越, 成立公司时才十九岁); a guessed or rare word that starts with
# one after a descriptor is the clause going on, not a name
_CLAUSE_ADVERBS = frozenset("刚才时越还就都也又再已却便仍曾正将更很太较挺")


def _clause_after(tok: Token) -> bool:
    """刚成立, 越难, 时才: a Han word of two or three characters that starts with a clause-opening adverb and that
    jieba's dictionary does not know as a frequent word (越秀, 64 times, stays)."""
    from ...nlp.segment import get_segmenter

    w = tok.text
    if not 2 <= len(w) <= 3 or w[0] not in _CLAUSE_ADVERBS or not all(is_han(c) for c in w):
        return False
    seg = get_segmenter()
    return seg.word_tag_tab.get(w) is None or seg.freq(w) < 10


def _glued_function_char(tok: Token) -> bool:
    """A word of three or more characters that jieba guessed (no dictionary entry) and that starts with a
    function word: 但慧夜, 给慧夜. Dictionary words (比亚迪, 同花顺) are left alone."""
    from ...nlp.segment import get_segmenter

    w = tok.text
    return len(w) >= 3 and w[0] in _FUNCTION_CHARS and not w.isascii() and get_segmenter().word_tag_tab.get(w) is None


# kinds of model, not models (data/README.md: architectures are not annotated): Transformer 模型, MoE 模型
_ARCHITECTURES = frozenset("transformer transformers moe rnn cnn lstm gan gans diffusion vae mlp ssm attention agent agents".split())


_DESCRIPTORS = {"公司": COMPANY, "初创公司": COMPANY, "创业公司": COMPANY, "初创企业": COMPANY, "厂商": COMPANY,
                "巨头": COMPANY, "投资机构": COMPANY, "研究机构": ORG, "高校": ORG, "对手": COMPANY,
                "竞争对手": COMPANY, "竞品": COMPANY}


_NOT_NAMES = frozenset("""估值 规模 平台 业务 产品 技术 团队 部门 内部 方面 人士 股东 老股东 员工 用户 客户 市场 行业 领域 收入
    营收 利润 整体 运营 人民币 美元 创始人 负责人 高管 核心 总部 旗下 官方 发言人 合作 投资 融资 研发 工程师 研究员 成员 模型 大模型 数据 算力 芯片
    机构 组织 非盈利机构 非营利机构 非营利组织 公益组织 品牌""".split())


_NAME_POS = ("nz", "nr", "nrt", "nt", "ns", "eng", "n", "j", "x", "nrfg", "vn")


_STOP_AFTER = frozenset("今日 今天 近日 日前 昨日 本周 宣布 表示 完成 获得 推出 发布 已 将 也 在 的 于 和 与 及 等 是 称".split())


def _appositive_names(text: str, toks: list[Token]) -> list[Mention]:
    """A descriptor noun followed at once by a name: 初创公司灵枢机器人, 芯片公司 Cerebras → the name."""
    out = []
    for i, t in enumerate(toks[:-1]):
        typ = _DESCRIPTORS.get(t.text)
        if typ is None and t.text.endswith(("公司", "厂商")) and len(t.text) <= 5:
            typ = COMPANY
        if typ is None:
            continue
        if i and toks[i - 1].text in ("等", "等等", "这些", "那些", "各", "多家", "几家"):
            continue  # 在 A 和 B 等公司做过…: the descriptor closes a list, no name follows it
        j = i + 1
        parts = []
        while j < len(toks) and len(parts) < 3:
            nt = toks[j]
            if parts and nt.start != toks[j - 1].end and not (nt.text.isascii() and toks[j - 1].text.isascii()):
                break
            if nt.text in _STOP_AFTER or nt.pos[:1] in ("v", "p", "u", "c", "d", "m", "t", "r", "q", "f") and nt.pos != "vn":
                break
            if nt.pos not in _NAME_POS and not nt.text.isascii():
                break
            if not any(c.isalnum() for c in nt.text) or nt.text in titles() or nt.text in _NOT_NAMES:
                break
            if not nt.text.isascii() and any(nt.text[k:] in titles() for k in range(1, len(nt.text) - 1)):
                break  # 公司法律顾问: a post (顾问) with its field, no name
            parts.append(nt)
            j += 1
        if not parts or parts[0].pos == "vn" or _clause_after(parts[0]):
            continue
        nxt = toks[j] if j < len(toks) else None
        if nxt is not None and nxt.start == parts[-1].end and not (
                nxt.pos[:1] in ("v", "p", "d", "t", "u", "c", "x", "w", "f") or nxt.text in _STOP_AFTER
                or not any(ch.isalnum() for ch in nxt.text)):
            continue  # 团队建设计划: a noun phrase goes on, so this was no name
        a, b = parts[0].start, parts[-1].end
        name = text[a:b]
        if len(name) < 2 or name.lower() in stopnames() or all(p.text.lower() in _GENERIC_ORG_WORDS for p in parts):
            continue
        if all(_common_part(p.text) for p in parts):
            continue  # 苹果公司公共关系部门, 研究公司代表: common words after a descriptor name nobody
        if b < len(text) and text[b] in "的之":
            continue  # 公司旗下…: a descriptor, not an apposition
        if nxt is not None and nxt.start == b and nxt.text in ("了", "过", "着") and not name.isascii():
            continue  # 他被公司裁掉了: a verb after the descriptor, not a name
        out.append(Mention(name, _org_type(name, default=typ), a, b, "pattern", None, 0.7))
    return out


_PEOPLE_SEP = r"\s*(?:、|，|,|和|与|及|以及|&|and)\s*"
_PEOPLE_NEXT = re.compile(_PEOPLE_SEP + r"([A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'.\-]*){1,3})")
_PEOPLE_PREV = re.compile(r"([A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'.\-]*){1,3})" + _PEOPLE_SEP + "$")


# 两位创始人 A 和 B, 三位作者 A、B、C: a counted title announces a list of people
_COUNTED_PEOPLE = re.compile(r"(?:[两二三四五六几多]|\d+)\s*(?:位|名)\s*[^\s，,。；;：:]{0,8}?(?:创始人|创办人|作者|合伙人|研究员|"
                             r"科学家|高管|成员|嘉宾|工程师|负责人|教授)\s*[：:]?\s*$")


def _listed_with_people(text: str, a: int, b: int, gaz: Gazetteer) -> bool:
    """Lena Carter in Rob Kent 和 Lena Carter: a name of person shape next to a person the gazetteer knows or
    whose first name is a common given name, or in a list a counted title opens (两位创始人 A 和 B)."""
    start = a
    for k in range(4):  # back over the list's earlier names to where it starts
        if _COUNTED_PEOPLE.search(text, max(0, start - 20), start):
            return True
        if k and _PERSON_TITLE_BEFORE.search(text, max(0, start - 8), start):
            return True  # 联合创始人 A、B 和 C: a person's title opens the list
        p = _PEOPLE_PREV.search(text, max(0, start - 40), start)
        if p is None:
            break
        if k:  # a name further up the list that is a person (A、B 和 C: A's first name is a given name)
            entry = gaz.lookup(p.group(1))
            if entry is not None and entry.type == PERSON or entry is None and person_shaped(p.group(1)):
                return True
        start = p.start(1)
    nxt = _PEOPLE_NEXT.match(text, b)
    prev = _PEOPLE_PREV.search(text, max(0, a - 40), a)
    for m in (nxt, prev):
        if m is None:
            continue
        other = m.group(1)
        entry = gaz.lookup(other)
        if entry is not None and entry.type == PERSON or entry is None and person_shaped(other):
            return True
    return False


def _list_evidence(text: str, a: int, b: int, typ: str, gaz: Gazetteer | None = None) -> bool:
    from .evidence import _list_evidence as evidence

    return evidence(text, a, b, typ, gaz)


def _common_part(word: str) -> bool:
    from .evidence import _GENERIC_LATIN, _NAME_TAGS, _dictionary

    if word.upper() in _GENERIC_LATIN:
        return True
    tag = _dictionary().word_tag_tab.get(word)  # a dictionary word that is not a name word, however rare
    return not word.isascii() and tag is not None and tag not in _NAME_TAGS


LIST_OF_PEOPLE = re.compile(
    r"(合伙人|联合创始人|创始人|创始团队|核心成员|成员|高管|作者|研究员|科学家|工程师|嘉宾|董事|教授|负责人|创办人|掌门人|候选人)"
    r"(们)?\s*(?:[一二两三四五六七八九十几多]+位)?\s*(?:分别是|分别为|包括了?|有|是|为)\s*[：:]?\s*")
_LIST_SEP_RX = re.compile(r"\s*(?:、|，|,|和|与|及|以及)\s*")
_HAN_ITEM = re.compile(r"[\u4e00-\u9fff]{2,4}?(?=\s*(?:、|，|,|和|与|及|以及|等|。|；|;|$|\s))")


def _listed_people(text: str, sent: Sentence) -> list[Mention]:
    """People a title noun introduces as a list: 青禾电子的三位联合创始人分别是陆沉舟、林知远和周嘉树 · 合伙人包括
    Dana Whitlock、Lena Carter 以及 Rob Kent. An item is a Chinese name (a surname, two to four characters) or a
    Latin person name; the list stops at the first item that is neither."""
    out = []
    names = surnames()
    s0, st = sent.start, sent.text
    for m in LIST_OF_PEOPLE.finditer(st):
        pos, found = m.end(), []
        while pos < len(st):
            lat = LATIN_PERSON.match(st, pos)
            han = _HAN_ITEM.match(st, pos)
            if lat and lat.group(0)[:1].isupper() and 2 <= len(lat.group(0).split()) <= 4:
                a, b = pos, lat.end()
            elif han and (han.group(0)[0] in names or han.group(0)[:2] in names) and han.group(0) not in titles() \
                    and han.group(0).lower() not in stopnames() and not _common_words(han.group(0)):
                a, b = pos, han.end()
            else:
                break
            found.append(Mention(st[a:b], PERSON, s0 + a, s0 + b, "pattern", None, 0.75))
            sep = _LIST_SEP_RX.match(st, b)
            if not sep:
                break
            pos = sep.end()
        if len(found) >= 2 or found and m.group(1) in ("合伙人", "联合创始人", "创始人", "创办人", "核心成员", "作者"):
            out += found
    return out


def _in_dictionary(word: str) -> bool:
    """``word`` is a word of jieba's dictionary (城市, 医学), whatever its tag."""
    from .evidence import _dictionary

    return word in _dictionary().word_tag_tab


def _common_words(name: str) -> bool:
    """华人女性, 研究人员: only dictionary words that are no names."""
    from .evidence import _dictionary

    return all(not guessed and _common_part(w) for w, _, _, _, guessed in _dictionary().short_words(name))


_ORG_LIST = re.compile(r"(?:[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 .&\-]{0,14}、){2,}[\u4e00-\u9fffA-Za-z0-9 .&\-]{1,16}")
_LIST_LEAD = re.compile(r"^(?:像|如|比如|例如|包括|包含|有|以及|还有|及|和)")
_AT_LEAD = re.compile(r"(?:曾在|先后在|在|于|从|加入|任职于|就职于)(?=[^在于从]{2,}$)")  # 他曾在|百度、苹果、…: the list starts after
_LIST_END = re.compile(r"(?:\s*(?:等等|等)\s*\S{0,6}|(?<=\S\S)(?:共同|联合)?(?:跟投|领投|参投|合投|投资|加入|参与|完成|出品|发布|推出|研发|开发))$")
_LAST_ITEM = re.compile(r"^(.{2,16}?)(?:\s*(?:和|及|以及|与)\s*(.{2,16}))?$")


def _listed_orgs(text: str, sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Names in a 、-list most of whose other items are organisations the gazetteer knows or names with an
    organisation suffix: 百度、字节跳动、蚂蚁、小冰和华为 → 蚂蚁 and 小冰 are companies there."""
    out = []
    s0, st = sent.start, sent.text
    for m in _ORG_LIST.finditer(st):
        items, pos = [], m.start()
        for piece in m.group(0).split("、"):
            a = pos
            pos += len(piece) + 1
            core = piece
            if not items:
                lead = _LIST_LEAD.match(core) or _AT_LEAD.search(core)
                if lead:
                    core, a = core[lead.end():], a + lead.end()
            last = pos > m.end()
            if last:
                core = _LIST_END.sub("", core)
                two = _LAST_ITEM.match(core)
                if two and two.group(2):
                    items.append((a, core[:two.end(1)]))
                    b2 = a + two.start(2)
                    items.append((b2, two.group(2)))
                    continue
            stripped = core.strip()
            items.append((a + core.find(stripped), stripped))
        known, unknown, kinds = [], [], []
        for a, name in items:
            entry = gaz.lookup(name)
            if entry is not None and entry.type in (ORG, COMPANY):
                kinds.append(entry.type)
            elif _org_suffix(name):
                kinds.append(_org_type(name, default=COMPANY))
            if entry is not None and entry.type in (ORG, COMPANY) or _org_suffix(name) and len(name) > len(_org_suffix(name)) + 1 \
                    and not _dictionary_word(name) and name not in _DESCRIPTORS \
                    and name[:-len(_org_suffix(name))].lower() not in _GENERIC_ORG_WORDS \
                    and not (_org_suffix(name) in _KIND_TRADES and _common_words(name[:-len(_org_suffix(name))])):
                known.append(name)  # (人工智能: a field, not a firm; 软体机器人: a kind of robot; 鳄梨科技 is a firm)
            elif 2 <= len(name) <= 8 and not re.search(r"[的了是在将把被和与]", name):
                unknown.append((a, name))
        if len(known) < 2 or len(known) < len(unknown) or _FIELDS_AFTER.match(st, m.end()):
            continue
        for a, name in unknown:
            if gaz.lookup(name) is not None or name.lower() in stopnames():
                continue
            typ = ORG if kinds.count(ORG) > kinds.count(COMPANY) else COMPANY  # a list of schools and labs: one more
            out.append(Mention(name, typ, s0 + a, s0 + a + len(name), "pattern", None, 0.7))
    return out


# 在教育、医疗科技、农业科技等领域: a list of fields, not of firms
_FIELDS_AFTER = re.compile(r"\s*+(?:等等|等)?\s*+(?:广泛|诸多|多个|各个|众多)?\s*+(?:的)?\s*+(?:领域|行业|方向|赛道|板块|技术|学科|场景)")


def _dictionary_word(word: str) -> bool:
    from .evidence import _dictionary

    return _dictionary().word_tag_tab.get(word) is not None


# what may follow 智能/科技 inside a longer word or phrase (智能体, 科技感, 科技进步奖, 科技园)
WORD_GOES_ON = re.compile(r"体|感|化|进步|成果|奖|园|馆|局|厅|节|周(?![一二三四五六日天末年内中初前后度])|日报|频道|政策|水平|实力|含量|大学|学院|职业学院|研究院|研究所")
# what may follow 智能 in a phrase about a kind of thing (头戴式智能硬件, 戴着智能眼镜, 3D智能问题)
SMART_GOES_ON = re.compile(r"硬件|设备|眼镜|终端|产品|手表|手机|家居|家电|穿戴|助手|客服|问题|系统|程度|机器|驾驶|制造|语音|"
                           r"音箱|座舱|汽车|应用|时代|生活|工厂|城市|交通|农业|教育|医疗|安防|物流|电网|"
                           r"控制|算法|调度|监控|识别|决策|方案|升级|改造|水平")
_NAMED_AFTER = re.compile(r"\s*[「“\"《]?[A-Za-z][A-Za-z0-9]")  # 城市大模型 CityLynx: a Latin name right after 大模型


def goes_on(text: str, end: int, name: str) -> bool:
    """The word a name ending in 智能 or 科技 ends with goes on at ``end`` (智能体, 科技感, 智能硬件)."""
    return bool(WORD_GOES_ON.match(text, end) or name.endswith("智能") and SMART_GOES_ON.match(text, end))
_ARCHITECTURE_PART = re.compile(r"卷积|门控|神经|注意力|对抗|循环|递归|残差|前馈|图|深度|编码|解码|感知|记忆|胶囊|脉冲|贝叶斯|生成|轻量|高效")
# words that, before 智能/科技, name a field of work (具身智能 embodied AI, 空间智能, 金融科技)
_FIELD_WORDS = frozenset("具身 空间 通用 情感 群体 机器 人工 计算 生物 金融 法律 教育 医疗 农业 工业 数字 复杂度 环境".split())
_REGIONS = frozenset("中国 美国 日本 韩国 英国 法国 德国 印度 欧洲 亚洲 全球 国内 国际 海外 中美 中外 北美 硅谷".split())


def _frequent(word: str) -> bool:
    from .evidence import common_word

    return common_word(word)


def _verb_across(text: str, end: int) -> bool:
    """The name's last character makes a verb with the character after it (研究所能: 所能)."""
    from .evidence import _dictionary

    return end < len(text) and _dictionary().word_tag_tab.get(text[end - 1:end + 1], "")[:1] == "v"


def _runs_on(text: str, end: int) -> bool:
    """The name's last character makes a common word with the character after it (科学家万字长文: 长文), so the
    name was cut out of a phrase, not found."""
    from .evidence import _dictionary

    if end >= len(text) or not is_han(text[end]):
        return False
    tag = _dictionary().word_tag_tab.get(text[end - 1:end + 1])
    return tag is not None and tag not in ("nr", "nrt", "nrfg")


def _common_noun(word: str) -> bool:
    """A frequent noun of jieba's dictionary (老将, 黑人, 研究所), not a name's part."""
    from .evidence import _dictionary

    seg = _dictionary()
    return len(word) >= 2 and seg.word_tag_tab.get(word) == "n" and seg.freq(word) >= 200


def _dictionary_name(word: str) -> bool:
    """A word the segmenter's dictionary tags as a name (it may tag a guessed name as a verb in context)."""
    from .evidence import _dictionary

    return _dictionary().word_tag_tab.get(word, "").startswith("nr")


def _foreign_char(ch: str) -> bool:
    """A character of the transliteration tables, or of a foreign name the gazetteer lists (撒 of 哈撒比斯)."""
    from .evidence import _transliteration_chars

    return ch in TRANSLITERATION or ch in _transliteration_chars()


def _titled_people(text: str, toks: list[Token], title_set: dict[str, str]) -> list[Mention]:
    out = []
    names = surnames()
    for i, t in enumerate(toks[:-1]):
        if t.text not in title_set and not t.text.endswith(("总裁", "主任", "科学家", "创始人", "研究员", "负责人")):
            continue
        n = toks[i + 1]
        cand = n.text
        end = n.end
        if len(cand) == 1 and cand in names and i + 2 < len(toks) and toks[i + 2].start == n.end \
                and 1 <= len(toks[i + 2].text) <= 2 and all(is_han(c) for c in toks[i + 2].text) \
                and not _no_given_name(toks[i + 2]):  # (记者|时|表示: a common verb is no given name; 方|启航 is one)
            cand += toks[i + 2].text
            end = toks[i + 2].end
        k = i + 2
        while k < len(toks) and toks[k].start == end and len(cand) + len(toks[k].text) <= 6 \
                and all(_foreign_char(c) for c in cand + toks[k].text):
            cand, end, k = cand + toks[k].text, toks[k].end, k + 1  # CEO哈撒|比斯: a foreign name cut in two
        if any(c in "我你他她它们" for c in cand[1:]) or cand[0] in "和与及跟由被把将对从给让在":
            continue  # 博士和我, 院长由蒋某担任: a conjunction, a preposition and a pronoun, not a name
        if len(cand) >= 3 and _dictionary_word(cand) and not _dictionary_name(cand):
            continue  # 研究生毕业典礼: a word of the dictionary that is no name
        if cand == n.text and n.pos[:1] in ("d", "p", "c", "u", "r", "v", "a") and not _dictionary_name(cand):
            continue  # 对CEO尤甚: an adverb or verb after the title, not a name
        if 2 <= len(cand) <= 4 and all(is_han(c) for c in cand) and (cand[0] in names or cand[:2] in names) \
                and cand not in title_set and cand.lower() not in stopnames() and not _runs_on(text, end):
            out.append(Mention(cand, PERSON, n.start, end, "pattern", None, 0.75))
    # 北京大学王磊教授, 清华大学的李娜院士: a name between an institution and an academic title after it
    for i, t in enumerate(toks):
        if t.text not in _TITLES_AFTER_NAME or i < 2:
            continue
        n = toks[i - 1]
        cand, start, j = n.text, n.start, i - 2
        if len(cand) == 1 and toks[j].end == n.start and len(toks[j].text) == 1 and toks[j].text in names:
            cand, start, j = toks[j].text + cand, toks[j].start, j - 1  # 王|磊
        if j < 0 or n.end != t.start or toks[j].end != start or not 2 <= len(cand) <= 3 or not all(is_han(c) for c in cand) \
                or not (cand[0] in names or cand[:2] in names) or cand in title_set or cand.lower() in stopnames():
            continue
        if toks[j].text == "的" or toks[j].text.endswith(_INSTITUTION_ENDS):
            out.append(Mention(cand, PERSON, start, n.end, "pattern", None, 0.75))
    return out


_TITLES_AFTER_NAME = frozenset(("教授", "副教授", "助理教授", "院士"))


# Characters of the standard transliteration tables for foreign names (Xinhua's syllable tables, written out by
# hand; the feminine syllables 娜莎娅妮娃黛丝露茜萝芙 and 申 of Russian -шин too): a run of these only (基里延科, 哈塔米) next to a public title or a speech verb is a person's name.
TRANSLITERATION = frozenset("".join("""
阿埃艾安昂奥巴拜班邦保鲍贝本比彼毕波伯博布查达戴丹道德登邓迪蒂丁东杜顿多厄恩尔法凡菲费芬丰弗福富盖甘冈戈格根古瓜圭
哈海汉豪赫亨胡霍基吉加贾杰捷金卡凯坎康考柯科克肯库夸奎昆拉莱兰朗劳勒雷里利莉丽连列林琳卢鲁路伦罗洛玛马迈麦曼芒梅门
蒙米敏缪莫默姆穆纳奈南内尼涅纽努诺帕潘佩彭皮珀普奇乔切钦琼丘萨塞桑瑟森沙珊舍什施史舒斯松苏索塔泰坦汤唐特提廷图托瓦
万威韦维温翁沃乌伍西希谢辛休亚延扬耶伊因英尤约扎泽詹兹佐若坚茨夫宁
娜莎娅妮娃黛丝露茜萝芙申""".split()))
# public titles and honorifics that name a person next to them (the titles of titles.tsv are read too)
_PUBLIC_TITLE_WORD = re.compile(r"(?:总统|总理|首相|外长|部长|大使|议长|国务委员|主席|书记|省长|市长|县长|局长|司令|议员|"
                                r"候选人|记者|通讯员|教练|选手|球员|队员|国王|女王|亲王|王子|公主|院士|教授|博士|先生|女士)")
_PUBLIC_TITLE_AFTER = re.compile(r"\s*(?:(?:[两二三四五六七八九十几]|\d+)\s*[名位]\s*)?(?:(?:副)?(?:总统|总理|首相|主席)|外长|部长|大使|议长|同志|先生|女士|夫人|小姐|教授|院士|"
                                 r"博士|老师|书记|省长|市长|县长|局长|校长|厂长|将军|烈士|大娘|大爷)")
_SPEECH_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{1,2}地)?(?:说(?![明服法])|表示|指出|强调|认为|透露|坦言|告诉|介绍说|宣布|"
                           r"解释说|补充说|回忆说)")


COMMON_NAME_FREQ = 200  # a noun of the dictionary this frequent is no name, whatever the context (美国 before 总统)
CONTEXT_PERSON_CONFIDENCE = 0.72  # marks :func:`_context_people`'s names for the overlap rules
_PLACE_ENDS = frozenset("宫馆堡岛城港湾州省市县村镇区乡街路桥寺庙园站场厂店社会委局部院所队党团组司署厅处系校")
COMMON_GIVEN_FREQ = 1000  # a verb this frequent after a surname is the sentence's verb (表示), not a given name (启航: 68)
_NOT_GIVEN_NAME = frozenset("vpcudrmqftxy")  # tags of a two-character word after a surname that may be no given name


@lru_cache(maxsize=65536)
def _no_given_name(tok: Token) -> bool:
    """The word after a lone surname cannot be its given name: a function word, a number, or a frequent two-character
    verb or adverb (时|表示, 官|为; but 方|启航, 李|立: given names are often words)."""
    if tok.pos[:1] in "pcuyxmqr":
        return True
    if len(tok.text) == 1 and tok.pos[:1] == "d" and tok.text in _CLAUSE_ADVERBS:
        return True  # 掌门人时|还不到三十岁: an adverb, not a one-character given name
    if len(tok.text) == 2 and tok.pos[:1] in _NOT_GIVEN_NAME:
        from .evidence import _dictionary

        return _dictionary().freq(tok.text) >= COMMON_GIVEN_FREQ
    return False


def _name_shaped(cand: str) -> bool:
    """A Chinese name (a surname and one or two characters) or a transliterated one, and no common word."""
    if not 2 <= len(cand) <= 6 or not all(is_han(c) for c in cand) or cand.lower() in stopnames() \
            or cand[-1] in _PLACE_ENDS:
        return False  # (卢浮宫, 马家堡, 银监会: a place or an organisation)
    from .evidence import _dictionary

    seg = _dictionary()
    tag = seg.word_tag_tab.get(cand)
    if tag == "j":
        return False  # 南大, 中美: an abbreviation
    if tag is not None and not tag.startswith("nr") and (seg.freq(cand) >= COMMON_NAME_FREQ or
                                                         not tag.startswith("n") and seg.freq(cand) >= 3):
        return False  # 会见, 招待会, 提名, 美国: a word of the dictionary that is no name (罗干, tagged a place, is rare)
    han = (cand[0] in surnames() and len(cand) <= 3) or (cand[:2] in surnames() and len(cand) <= 4)
    foreign = all(c in TRANSLITERATION for c in cand)
    # (a two-character run is a name only where jieba's dictionary has it as one: 努里/nrt, not 加拿)
    return han or foreign and (len(cand) >= 3 or tag is not None and tag.startswith("nr"))


def _given_name_tail(tok: Token, end: int) -> bool:
    """A one-character word right after a two-character name that the segmenter tags as a name or place part
    (方齐|连/nr, 张友|香/ns): the last character of a three-character name, not a word of the sentence."""
    return tok.start == end and len(tok.text) == 1 and is_han(tok.text) and tok.pos in ("nr", "nrfg", "nrt", "ns") \
        and tok.text not in _FUNCTION_CHARS


def complete_people(text: str, mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """Fix a person's span that stops short: a two-character Han name before a one-character name part
    (张友|香父子 → 张友香), a transliterated name that ends inside the segmenter's word (斯捷帕|申 → 斯捷帕申)."""
    if not tokens:
        return mentions
    if not any(m.type == PERSON and m.source != "gazetteer" for m in mentions):
        return mentions
    starts = [t.start for t in tokens]  # (tokens are sorted by start)
    taken = {(m.start, m.end) for m in mentions}
    out = []
    for m in mentions:
        if m.type == PERSON and m.source != "gazetteer":
            k = bisect.bisect_right(starts, m.end) - 1
            tok = tokens[k] if k >= 0 else None
            nxt = tok if tok is not None and tok.start == m.end else None
            inside = tok if tok is not None and tok.start < m.end < tok.end else None
            end = m.end
            if len(m.text) == 2 and m.text[0] in surnames() and nxt is not None and _given_name_tail(nxt, m.end):
                end = nxt.end
            elif inside is not None and inside.start >= m.start and all(c in TRANSLITERATION for c in inside.text) \
                    and all(c in TRANSLITERATION for c in m.text):
                end = inside.end
            if end != m.end and not any(s < end and m.end < e for s, e in taken if (s, e) != (m.start, m.end)):
                m = replace(m, text=text[m.start:end], end=end)
        out.append(m)
    return out


def _names_at(text: str, toks: list[Token], i: int, title_set) -> list[tuple[int, int]]:
    """The name-shaped spans that start with token ``i``, the longest first: the token, a surname with the word
    after it, a transliterated name the segmenter cut up."""
    t = toks[i]
    if t.text[0] in _FUNCTION_CHARS and not t.pos.startswith("nr") or t.start > 0 and text[t.start - 1] in NAME_DOTS:
        return []  # 和新任, 向房东: a function word, not a surname; 马尔登 of 罗伯特·马尔登: part of a dotted name
    cands = [(t.start, t.end)]
    if len(t.text) == 1 and t.text in surnames() and i + 1 < len(toks) and toks[i + 1].start == t.end \
            and 1 <= len(toks[i + 1].text) <= 2 and not _no_given_name(toks[i + 1]) \
            and toks[i + 1].text not in title_set and not _PUBLIC_TITLE_AFTER.fullmatch(toks[i + 1].text):
        cands.append((t.start, toks[i + 1].end))  # 蒋|天才: a surname the segmenter cut from its given name
    if len(t.text) == 2 and t.text[0] in surnames() and i + 1 < len(toks) and _given_name_tail(toks[i + 1], t.end):
        cands.append((t.start, toks[i + 1].end))  # 方齐|连: the segmenter cut the given name's last character off
    j, end = i, t.end
    while j + 1 < len(toks) and toks[j + 1].start == end and all(c in TRANSLITERATION for c in toks[j].text) \
            and all(c in TRANSLITERATION for c in toks[j + 1].text) and end - t.start < 6:
        j += 1
        end = toks[j].end
        cands.append((t.start, end))  # 赫里斯|坚科: a foreign name cut in two
    return [(a, b) for a, b in sorted(set(cands), key=lambda c: c[0] - c[1])
            if _name_shaped(text[a:b]) and text[a:b] not in title_set and text[b:b + 1] not in NAME_DOTS]


# where a title, an honorific or a speech verb starts (one scan a sentence; the exact patterns above then decide)
_CONTEXT_WORD = re.compile(r"(?:(?:副)?(?:总统|总理|首相|主席)|外长|部长|大使|议长|同志|先生|女士|夫人|小姐|教授|院士|博士|老师|书记|"
                           r"省长|市长|县长|局长|校长|厂长|将军|烈士|大娘|大爷|说|表示|指出|强调|认为|透露|坦言|告诉|介绍|宣布|解释|补充|"
                           r"回忆|[两二三四五六七八九十几\d]\s*[名位])")


@lru_cache(maxsize=1)
def _name_starts() -> frozenset[str]:
    return frozenset(surnames()) | frozenset(c[:1] for c in surnames()) | TRANSLITERATION


def _context_people(text: str, toks: list[Token], title_set) -> list[Mention]:
    """People the text marks as people where the model saw none: a public title before the name (国务委员罗干,
    法国总理若斯潘), a title or honorific after it (基里延科总理, 蔡方柏大使), a speech verb after it (罗干说).

    Only the tokens next to such a word are looked at: title words are found by one scan of the sentence, not a
    pattern per token (the rule runs on every sentence)."""
    out = []
    if not toks:
        return out
    lo, hi = toks[0].start, toks[-1].end
    hits = [m.start() for m in _CONTEXT_WORD.finditer(text, lo, min(len(text), hi + 8))]
    titled_at = {m.end() for m in _PUBLIC_TITLE_WORD.finditer(text, lo, hi)}  # 法国总理|若斯潘: a title ends the word
    titled_at.update(k.end for k in toks if k.text in title_set)  # a title of titles.tsv is the whole word (not 创作者)
    ends = [k.end for k in toks]
    todo = set()
    for h in hits:  # names ending up to three characters before a context word, of up to four tokens
        k = bisect.bisect_right(ends, h) - 1
        while k >= 0 and ends[k] >= h - 3:
            todo.update(range(max(0, k - 3), k + 1))
            k -= 1
    for e in titled_at:  # names right after a title
        k = bisect.bisect_left(ends, e)
        if k + 1 < len(toks) and ends[k] == e:
            todo.add(k + 1)
    starts = _name_starts()
    for i in sorted(todo):
        t = toks[i]
        if t.text[0] not in starts:
            continue  # a name starts with a surname or a transliteration character
        prev = toks[i - 1] if i else None
        titled = prev is not None and prev.end == t.start and prev.end in titled_at
        for a, b in _names_at(text, toks, i, title_set):
            if _known_place(text[a:b]):
                continue  # 牛津教授, 剑桥教授: a university's town before a title, not a surname and given name
            if titled and not _runs_on(text, b) or _PUBLIC_TITLE_AFTER.match(text, b) or _SPEECH_AFTER.match(text, b):
                out.append(Mention(text[a:b], PERSON, a, b, "pattern", None, CONTEXT_PERSON_CONFIDENCE))
                break
    return out


# a list of places or lines, not people: 科连特斯、雷西斯滕西亚等大、中城市; 焦枝、侯月、新焦、太焦四条铁路线
_PLACE_LIST_TAIL = re.compile(r"(?:\s*(?:、|和|与|及)\s*[\u4e00-\u9fff]{2,6}){0,4}\s*(?:等|四|三|两|几|多)?[^，,。；;]{0,6}?"
                              r"(?:城市|国家|地区|省份?|州|县|村庄?|乡镇|镇|铁路线?|线路|公路|河流|山脉|港口)")
_LIST_JOIN_AFTER = re.compile(r"\s*(?:、|和|与|及|以及)\s*")
_LIST_JOIN_BEFORE = re.compile(r"(?:、|和|与|及|以及)\s*$")


KNOWN_PLACE_FREQ = 100  # a word LAC calls a place or an organisation and jieba's dictionary counts this often


def _known_place(word: str) -> bool:
    """牛津, 剑桥, 哈佛: a frequent dictionary word that LAC's word classes call a place or an organisation."""
    from .evidence import _dictionary, word_classes

    return word_classes().get(word) in ("LOC", "ORG") and _dictionary().freq(word) >= KNOWN_PLACE_FREQ


def _titled_next(text: str, end: int, title_set) -> bool:
    """A title and a name right after the name (南大副校长周志华): the name is where the person after the title
    works (陆沉舟、韩见川副校长 lists two people)."""
    after = text[end:end + 10]
    m = re.match(r"副?(?:校长|院长|主任|所长|部长|局长|主席|总裁|经理)", after)
    title = m.group(0) if m else next((t for t in title_set if after.startswith(t) or after.startswith("副" + t)), None)
    if title is None:
        return False
    rest = after[len(title) + (1 if after.startswith("副") and not title.startswith("副") else 0):]
    return rest[:1] in common_surnames()


# a list of Latin names (EMO、Echomimic、Vasa-1 等; LLaVA、SigLIP 和 GPT-4V): items and the joins between them
_LATIN_ITEM = r"[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*"
_LATIN_LIST = re.compile(rf"(?<![A-Za-z0-9.\-]){_LATIN_ITEM}(?:\s*(?:、|和|与|及|以及|/)\s*{_LATIN_ITEM}){{1,12}}(?![A-Za-z0-9])")
_LATIN_ITEM_RX = re.compile(_LATIN_ITEM)
_TITLE_CASE_WORD = re.compile(r"[A-Z][a-z]+")
_DATASET_NEAR = re.compile(r"(?:数据集|基准|测试集|评测集|语料|benchmark|Benchmark)")
_DATASET_AFTER = re.compile(r"\s*(?:等|等等)?\s*(?:多个|几个|主流|常用|公开)?\s*(?:数据集|基准|测试集|评测集|语料|榜单)")


def listed_with_models(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Latin names listed with a model and nothing else (EMO、Echomimic、Vasa-1 等方案; LLaVA、SigLIP 和 GPT-4V) are
    models too, where no other mention holds them and neither the lists nor English around them say otherwise."""
    if not any(m.type == MODEL for m in mentions):
        return []
    taken = sorted((m.start, m.end, m.type) for m in mentions)
    out: list[Mention] = []
    for lst in _LATIN_LIST.finditer(text):
        if english_context(text, lst.start(), lst.end()) or _DATASET_NEAR.search(text, max(0, lst.start() - 12), lst.start()) \
                or _DATASET_NEAR.match(text, lst.end()) or _DATASET_AFTER.match(text, lst.end()):
            continue  # (Librispeech、Wenetspeech 等数据集: data, not models)
        items = [(i.start(), i.end()) for i in _LATIN_ITEM_RX.finditer(text, lst.start(), lst.end())]
        held = {}
        for a, b in items:
            over = [t for s0, e0, t in taken if s0 < b and a < e0]
            held[(a, b)] = over
        kinds = {t for over in held.values() for t in over}
        if MODEL not in kinds or kinds - {MODEL} or sum(1 for o in held.values() if o) * 2 > len(items) + 1:
            continue  # (a list with a company in it, or mostly models already: nothing to learn)
        for (a, b), over in held.items():
            name = text[a:b]
            if over or len(name) < 3 or name.islower() or name.lower() in stopnames() or gaz.lookup(name) is not None \
                    or _TITLE_CASE_WORD.fullmatch(name) or name.lower() in _ARCHITECTURES \
                    or re.search(r"[A-Za-z0-9]\s$", text[max(0, a - 2):a]) or re.match(r"\s[A-Za-z0-9]", text[b:b + 2]):
                continue  # (Echo, Assistant: a word of English; Voice of Voice Engine: part of a longer name)
            out.append(Mention(name, MODEL, a, b, "pattern", None, 0.7))
    return out


# a list the text says is of models: 开源模型包括 A、B、C · A、B 和 C 等开源模型
_MODEL_LIST_BEFORE = re.compile(r"(?:模型|LLM|LLMs)(?:[^，,。；;！？]{0,4}?[（(]|[^，,。；;！？基准评测数据测试]{0,4}?)(?:包括|包含|如|比如|例如|像|有)了?\s*[：:]?\s*$")
_MODEL_LIST_AFTER = re.compile(r"\s*等(?:等)?\s*(?:\d+\s*[个款种])?\s*(?:开源|闭源|主流|领先|知名|其他|前沿|先进)?\s*(?:的)?\s*(?:大|语言|多模态|基础|开源)?\s*模型")
# a model the text names: 一个名叫 Nimbus v2 的模型, 一种叫 LUMA 的视频生成模型
_NAMED_MODEL = re.compile(r"(?:名叫|叫做|叫|名为|称为|命名为)\s*([A-Za-z][\w.\-]*(?:\s[vV]?\d[\w.\-]*)?)\s*的\s*[^，,。；;！？\s]{0,10}?"
                          r"(?:模型|编码器|解码器)(?!公司|厂商|企业|团队|创业公司|初创|独角兽|实验室)")
# a model word right before one Latin name: 强基线模型iTransformer, 基线模型 DLinear (not 模型 API, 模型 Agent)
_MODEL_WORD_NAME = re.compile(r"(?:模型|基线)\s?([A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*)(?![A-Za-z0-9.\-]|\s[A-Za-z0-9])(?!\s*的)")
_GENERIC_LATIN = frozenset("api sdk ai llm llms agent agents token tokens prompt gpu gpus cpu app apps demo benchmark hub arena "
                           "studio cloud playground pro max plus mini lite base chat code vision foundation alignment "
                           "loss maas chrome k12 w8a8 bf16 fp16 fp8 int8 int4".split())
_SHORT_CAPS = re.compile(r"[A-Z]{2,4}")
# a Latin name a model is compared with: FilterNet 效果比 DLinear 要好, X 优于 Y
_COMPARED_WITH = re.compile(r"\s*(?:的)?\s*(?:效果|性能|表现|得分|准确率|精度)?\s*(?:要|都)?\s*(?:比|优于|好于|强于|胜过)\s*"
                            r"([A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*)(?![A-Za-z0-9.\-]|\s*的)"
                            r"(?=\s*(?:要|还要|更|都)?\s*(?:好|强|高|优|出色|差|低))")


def models_by_context(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names the text itself calls models, whatever a pattern or the NER model typed them: the items of a list of
    models (开源模型包括 Qwen、Yuan、WizardLM) and a name given to a model (一个名叫 Nimbus v2 的端侧模型). A name the
    gazetteer typed keeps its type (DeepSeek, a company, in a list of models)."""
    if "模型" not in text and "编码器" not in text and "基线" not in text and not any(m.type == MODEL for m in mentions):
        return mentions
    retype: set[tuple[int, int]] = set()
    add: list[Mention] = []

    def found(a: int, b: int, confidence: float) -> None:  # a model name nothing else holds (Yuan: no other cue)
        retype.add((a, b))
        name = text[a:b].lower()
        if len(name) >= 2 and name not in stopnames() and name not in _ARCHITECTURES \
                and not any(m.start < b and a < m.end for m in mentions):
            add.append(Mention(text[a:b], MODEL, a, b, "pattern", None, confidence))

    for lst in _LATIN_LIST.finditer(text):
        if not (_MODEL_LIST_BEFORE.search(text, max(0, lst.start() - 14), lst.start())
                or _MODEL_LIST_AFTER.match(text, lst.end())) \
                or _DATASET_NEAR.search(text, max(0, lst.start() - 8), lst.start()):
            continue  # (多语言模型基准（如 XBench、YEval）: benchmarks of models, not models)
        for i in _LATIN_ITEM_RX.finditer(text, lst.start(), lst.end()):
            found(*i.span(), 0.7)
    for named in _NAMED_MODEL.finditer(text):
        found(*named.span(1), 0.75)
    for named in _MODEL_WORD_NAME.finditer(text):
        name = named.group(1)
        if name.lower() not in _GENERIC_LATIN and len(name) >= 3 and not name.islower() and not _SHORT_CAPS.fullmatch(name) \
                and not _DATASET_AFTER.match(text, named.end()):  # (checkpoint, AGI, STEM: words and abbreviations)
            found(*named.span(1), 0.7)
    for m in [m for m in mentions if m.type == MODEL]:
        other = _COMPARED_WITH.match(text, m.end)
        if other is not None and other.group(1).lower() not in _GENERIC_LATIN and len(other.group(1)) >= 3:
            found(*other.span(1), 0.7)
    if not retype:
        return mentions
    out = []
    for m in mentions:
        if m.type in (ORG, COMPANY) and m.source in ("pattern", "ner", "engine") and any(
                a <= m.start and m.end <= b or m.start <= a and b <= m.end for a, b in retype):
            m = replace(m, type=MODEL)
        out.append(m)
    return out + add


def listed_with_people(text: str, mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """Names listed next to a person (记者陶世安、徐运平报道; 焦裕禄、孔繁森; 涅姆佐夫和赫里斯坚科两名副总理) are
    people too, where they are name-shaped and no other mention holds them; a list is followed both ways."""
    if not tokens or not any(m.type == PERSON and (_LIST_JOIN_AFTER.match(text, m.end) or
                                                  _LIST_JOIN_BEFORE.search(text, max(0, m.start - 4), m.start))
                             for m in mentions):
        return []
    title_set = titles()
    starts = {t.start: k for k, t in enumerate(tokens)}
    ends = {t.end: k for k, t in enumerate(tokens)}
    taken = sorted((m.start, m.end) for m in mentions)
    todo = [(m.start, m.end) for m in mentions if m.type == PERSON]
    out: list[Mention] = []

    def free(a: int, b: int) -> bool:
        k = bisect.bisect_left(taken, (b, b))
        return not any(s < b and a < e for s, e in taken[max(0, k - 8):k + 1])

    while todo:
        a0, b0 = todo.pop()
        found = []
        sep = _LIST_JOIN_AFTER.match(text, b0)
        if sep and sep.end() in starts:
            found += _names_at(text, tokens, starts[sep.end()], title_set)[:1]
        sep = _LIST_JOIN_BEFORE.search(text, max(0, a0 - 4), a0)
        if sep and sep.start() in ends:
            k = ends[sep.start()]
            for j in (k - 1, k):  # a surname and its given name, or one word
                if j >= 0:
                    spans = [sp for sp in _names_at(text, tokens, j, title_set) if sp[1] == sep.start()]
                    if spans:
                        found.append(spans[0])
                        break
        for a, b in found:
            if free(a, b) and text[max(0, a - 1):a] not in ("的",) and not _titled_next(text, b, title_set) \
                    and not _PLACE_LIST_TAIL.match(text, max(b, b0)):
                out.append(Mention(text[a:b], PERSON, a, b, "pattern", None, CONTEXT_PERSON_CONFIDENCE))
                bisect.insort(taken, (a, b))
                todo.append((a, b))
    return out
_INSTITUTION_ENDS = ("大学", "学院", "研究院", "研究所", "实验室", "科学院", "工程院")


@lru_cache(maxsize=4096)
def _org_suffix(word: str) -> str | None:
    for suf in sorted(ORG_SUFFIXES + COMPANY_SUFFIXES, key=len, reverse=True):
        if word.endswith(suf):
            return suf
    return None


def _org_type(name: str, *, default: str) -> str:
    suf = _org_suffix(name.rstrip())
    if suf == "Labs" and len(name.rstrip()) > 4:
        from ..gazetteer import load_gazetteer

        parent = load_gazetteer().lookup(name.rstrip()[:-4].strip())
        if parent is None or parent.type not in (COMPANY, ORG):
            return COMPANY  # ElevenLabs, World Labs, dbt Labs: a start-up's name (Google Labs is Google's unit)
    if suf in ORG_SUFFIXES:
        return ORG
    if suf in COMPANY_SUFFIXES:
        return COMPANY
    return default


def _org_part(tok: Token) -> bool:
    w = tok.text
    if re.match(r"[一二两三四五六七八九十几多数每各该这那此其本哪某]", w) and len(w) <= 2 or w.endswith("年制") or tok.pos in ("m", "q", "r") and not w.isascii():
        return False  # 两家公司, 多家实验室
    if w in titles() or w in _NOT_NAMES:
        return False  # 老股东高瓴创投: the role word is not part of the name
    if w.isspace() or not any(c.isalnum() for c in w) or w in ("的", "与", "和", "及", "是", "在"):
        return False
    if _org_suffix(w) in ("公司", "集团", "有限公司") or _org_suffix(w) == w:
        return False  # (远山科技和顺禾科技: a bare suffix word ends the name before it)
    return tok.pos[:1] in ("n", "j", "e", "x", "l") or tok.pos in ("eng", "nz", "ns", "nt", "nrt", "m")


_MADE_BY: list = [None, {}]  # the last text asked about and its answers by word: one scan of the text per word


def _made_by_someone(text: str, word: str, gaz: Gazetteer) -> bool:
    """Somewhere in the text, ``word`` 大模型 follows a company or organisation the gazetteer knows (see
    :func:`_maker_before`): the word names that maker's model all through the text (主导百灵大模型的研发)."""
    last, answers = _MADE_BY
    if last is not text:
        answers = {}
        _MADE_BY[:] = [text, answers]  # (only the current text is kept alive, not every text seen)
    if word not in answers:
        answers[word] = any(_maker_before(text, m.start(), gaz)
                            for m in re.finditer(re.escape(word) + "大?(?:语言)?模型", text))
    return answers[word]


def _maker_before(text: str, a: int, gaz: Gazetteer) -> bool:
    """A company or organisation the gazetteer knows comes right before ``a`` (讯飞|星火, 阿里|通义), or before a
    的 or 旗下 that leads to it (蚂蚁集团旗下的百灵, 上海人工智能实验室的书生)."""
    of = re.search(r"(?:旗下|推出|发布)?的?\s*$", text[max(0, a - 6):a])
    p = a - len(of.group(0))
    for k in range(2, 13):
        entry = gaz.lookup(text[max(0, p - k):p]) if p - k >= 0 else None
        if entry is not None and entry.type in (COMPANY, ORG):
            return True
    return False


def _model_name_token(tok: Token) -> bool:
    w = tok.text
    if w.lower() in _GENERIC_MODIFIERS or w.lower() in stopnames() or len(w) < 2 or len(w) > 12:
        return False
    if w[-1] in "级型化态式的款个类家" or tok.pos[:1] in ("v", "a", "d", "p", "u", "c", "r", "q"):
        return False
    if is_han(w[0]) and (w[0] in "一二两三四五六七八九十几多每各这那此该某专" or tok.pos == "m"):
        return False  # 一种大模型, 专治大模型: a count or a verb before the model word, not a model's name
    return tok.pos[:1] in ("n", "j", "e", "x", "m") or tok.pos == "eng"


_NUMBERED_NON_MODEL = re.compile(
    r"(?:Top|TOP|top|ASL|Level|Tier|Stage|Phase|Step|Round|Part|Chapter|Section|Figure|Fig|Table|Page|Vol|Season|Episode|"
    r"Q[1-4]|H[12]|FY|CES|WWDC|GTC|KDD|CVPR|ICCV|ECCV|NeurIPS|NIPS|ICLR|ICML|ACL|EMNLP|NAACL|AAAI|IJCAI|SIGGRAPH|"
    r"COLING|WAIC|COVID|Series|Class|Type|Grade|Lv|GLP|System|CRISPR-Cas|HIV|ISO|USB|HDMI|DDR|LPDDR|HBM|PCIe|IL)"
    r"[-\s]?\d+(?:\.\d+)?$")


def _model_like(name: str, after: str, gaz: Gazetteer, *, before: str = "") -> bool:
    """A Latin name with a version is a model if its family is a known model family, if 模型/model
    follows it, or if a release verb precedes it and no product noun (芯片, 手机 …) follows."""
    m = re.match(r"[A-Za-z]+", name)
    if m is None:
        return False  # a model's name starts with its Latin family name
    base = m.group(0).lower()
    if _NUMBERED_NON_MODEL.match(name):
        return False  # Top-3, ASL-2, KDD2024, Q3, Phase-2: a rank, a level, a venue's year, a period
    if base in _model_families(id(gaz)) or _MODEL_TAIL.match(after) or re.search(r"(模型|model|LLM)\s*$", before, re.I):
        return True  # … 模型 X 1.5, X 1.5 模型
    if len(base) < 2 or after.lstrip().startswith(_PRODUCT_NOUNS):
        return False
    if "-" in name and re.search(r"\d", name) and base not in ("covid", "sars", "rtx", "gtx"):
        return True  # MAI-1-preview, ChartMind-7B, Intern-S1
    if re.search(r"\s\d+(?:\.\d+)?[BM]$", name):
        return True  # Nimbus 1.3B, Nova 40B: a parameter count
    return bool(re.search(r"(推出|发布|开源|上线|训练|升级|迭代)(了|的|其)?\s*(新一代|新版|最新的?|[^，。,\s]{1,8}的)?\s*$", before))


@lru_cache(maxsize=4)
def _model_families(_gaz_id: int) -> frozenset[str]:
    fams = set()
    for e in load_gazetteer().entries.values():
        if e.type == MODEL:
            for form in (e.name, *e.aliases):
                m = re.match(r"[A-Za-z]{2,}", form)
                if m:
                    fams.add(m.group(0).lower())
    return frozenset(fams)


def _name_like(name: str) -> bool:
    return (1 <= len(name) <= 20 and not re.search(r"[，。！？；,!?;：:、]", name)
            and name.lower() not in stopnames() and name not in _GENERIC_MODIFIERS)
