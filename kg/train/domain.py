"""Domain sentences for the NER model: AI-industry templates filled from small name lists.

CLUENER and the other public corpora predate large AI models, so they have no MODEL class and few tech
companies and labs. These templates (written for kg) teach the model what a model name, a lab and a
tech executive look like in news. Person slots are filled half from well-known names and half from
names composed of common surnames and given-name characters, so the model learns the pattern, not a list.
With ``dictionary_people`` > 0, that share of person slots takes a name jieba's dictionary lists as a person
(:func:`dictionary_people`: 3-character ``nr`` words that start with a common family name: 毛泽东, 钱其琛):
the public corpora hardly name politicians or historical figures, so the model otherwise never sees them.
"""
from __future__ import annotations

import random
import re

from ..evaluate_ner import Example

def _names(block: str) -> list[str]:
    """One name per ``|``-separated field; names may contain spaces (Claude 3.5 Sonnet)."""
    return [name.strip() for line in block.splitlines() for name in line.split("|") if name.strip()]


MODELS = _names("""混元|GPT-5|GPT-4o|GPT-4|o1|o3-mini|Sora|DALL-E 3|Claude|Claude 3.5 Sonnet|Gemini|Gemini 2.5 Pro|Gemma
Llama 3|Llama 3.1|Qwen2.5|Qwen2.5-Coder|通义千问|Qwen3|文心一言|ERNIE 4.0|豆包|豆包大模型|DeepSeek-V3|DeepSeek-R1
Kimi K2|GLM-4|ChatGLM|智谱清言|Baichuan 2|百川大模型|盘古大模型|星火大模型|讯飞星火|MiniMax-01|abab6.5|Yi-34B|Yi-Lightning
商量|SenseNova|日日新|腾讯混元|混元T1|Hunyuan-Large|可灵|Kling|即梦|Seedream|PaLM 2|Mistral 7B|Mixtral 8x7B|Grok-3
Phi-3|Stable Diffusion|Midjourney V6|Whisper|BERT|悟道2.0|紫东太初|MOSS|InternLM|书生·浦语|Step-2|阶跃星辰Step-1V
天工大模型|360智脑|混元-视觉|Doubao-1.5-pro|万相|Wan2.1|CodeGeeX|盘古气象大模型""")
COMPANIES = _names("""腾讯|阿里巴巴|百度|字节跳动|华为|小米|京东|美团|网易|快手|拼多多|商汤科技|旷视科技|科大讯飞|智谱AI|月之暗面|百川智能|零一万物|深度求索|MiniMax|阶跃星辰|面壁智能|出门问问
云从科技|依图科技|寒武纪|地平线|摩尔线程|壁仞科技|OpenAI|Google|谷歌|微软|Microsoft|Meta|Anthropic|英伟达|NVIDIA|苹果|Apple|亚马逊|特斯拉
xAI|Mistral AI|三星|英特尔|AMD|台积电|联想集团|中兴通讯|蚂蚁集团|阿里云|腾讯云|华为云|火山引擎|昆仑万维|三六零|360集团|蔚来|理想汽车|小鹏汽车|比亚迪|宁德时代
海康威视|大疆|滴滴出行|携程|新浪|搜狐|哔哩哔哩|知乎|猎豹移动|第四范式|云知声|思必驰""")
ORGS = _names("""腾讯AI Lab|达摩院|阿里达摩院|百度研究院|微软亚洲研究院|上海人工智能实验室|北京智源人工智能研究院|智源研究院|鹏城实验室|之江实验室|清华大学|北京大学|浙江大学|上海交通大学|复旦大学
中国科学院|中科院自动化所|中国科学技术大学|南京大学|哈尔滨工业大学|香港科技大学|斯坦福大学|麻省理工学院|卡内基梅隆大学|Google DeepMind|DeepMind|FAIR
清华大学KEG实验室|腾讯优图实验室|字节跳动Seed团队|通义实验室|华为诺亚方舟实验室|工业和信息化部|国家网信办|科技部|国家发改委|中国信通院|中国人工智能学会|OpenAI董事会
艾伦人工智能研究所|深圳市人民政府|上海市经信委""")
PEOPLE = _names("""马化腾|李彦宏|马云|张一鸣|梁汝波|任正非|雷军|刘强东|王兴|丁磊|黄峥|汤晓鸥|徐立|印奇|刘庆峰|唐杰|张鹏|杨植麟|王小川|李开复|梁文锋|闫俊杰|姜大昕|俞栋|张潼|周靖人|吴泳铭|蔡崇信
王海峰|沈向洋|何恺明|孙剑|朱军|周伯文|姚期智|颜水成|黄仁勋|山姆·奥特曼|奥特曼|萨提亚·纳德拉|桑达尔·皮查伊|伊利亚·苏茨克维|达里奥·阿莫迪|马斯克|杨立昆|李飞飞|吴恩达
德米斯·哈萨比斯|林俊旸|刘知远|贾扬清|汪玉|陆奇|张亚勤|王坚|胡郁|戴文渊|朱啸虎|张磊|沈南鹏|徐小平""")
TITLES = _names("""首席执行官|CEO|董事长|总裁|创始人|联合创始人|首席技术官|CTO|首席科学家|副总裁|高级副总裁|总经理|副主任|主任|负责人|技术负责人|研究员|首席研究员|院长|副院长|教授|实验室主任
算法工程师|产品经理|董事会主席|合伙人""")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏飞宇浩然子轩欣怡晨阳思远博雅嘉俊凯琳婷雪梅海波志峰亮宁春晓东晶斌立新鑫帅昊天一鸣若曦泽宏毅诚"

TEMPLATES = """{COMPANY}今日正式发布{MODEL}，称其在多项评测中超越{MODEL}。
{COMPANY}{TITLE}{PERSON}表示，{MODEL}将于下月向企业客户开放。
据悉，{PERSON}已从{COMPANY}离职，此前担任{TITLE}一职。
{PERSON}曾任{ORG}{TITLE}，今年加入{COMPANY}负责大模型研发。
{ORG}与{COMPANY}宣布达成战略合作，共同推进{MODEL}在医疗领域的应用。
{COMPANY}开源了{MODEL}，{TITLE}{PERSON}在发布会上介绍了技术细节。
{COMPANY}完成新一轮融资，由{COMPANY}领投，{PERSON}出任{TITLE}。
{COMPANY}宣布收购{COMPANY}，交易金额未披露。
毕业于{ORG}的{PERSON}，是{COMPANY}的{TITLE}。
{MODEL}由{ORG}团队研发，{PERSON}担任项目负责人。
在最新榜单中，{MODEL}击败了{COMPANY}的{MODEL}，位列第一。
{PERSON}：{MODEL}的推理能力已接近{MODEL}。
{COMPANY}发布的{MODEL}引发关注，{ORG}{TITLE}{PERSON}认为这是一次重要突破。
{PERSON}创立了{COMPANY}，并出任{TITLE}。
{ORG}{TITLE}{PERSON}近日宣布加盟{COMPANY}。
{COMPANY}旗下的{ORG}推出了{MODEL}。
记者从{ORG}获悉，{MODEL}已通过备案。
{COMPANY}与{COMPANY}在大模型领域的竞争日趋激烈。
{PERSON}在接受采访时说，{COMPANY}不会放弃{MODEL}的研发。
{COMPANY}投资了{COMPANY}，持股比例约为百分之十。
前{COMPANY}{TITLE}{PERSON}创业，新公司专注于多模态大模型。
{ORG}联合{COMPANY}发布{MODEL}，参数规模达千亿。
{PERSON}此前在{ORG}攻读博士学位，师从{PERSON}。
{COMPANY}{TITLE}{PERSON}与{COMPANY}{TITLE}{PERSON}同台对话。
基于{MODEL}，{COMPANY}推出了面向开发者的编程助手。
{MODEL}和{MODEL}的差距正在缩小，{PERSON}在社交媒体上写道。
{COMPANY}股价大涨，市场认为{MODEL}的发布是主要原因。
{ORG}发布报告称，{COMPANY}的{MODEL}在中文理解上表现最好。
今年早些时候，{PERSON}辞去{COMPANY}{TITLE}职务。
{COMPANY}任命{PERSON}为{TITLE}，接替{PERSON}。""".splitlines()
_SLOT = re.compile(r"\{(PERSON|ORG|COMPANY|MODEL|TITLE)\}")


# Characters of the Xinhua transliteration tables (for names from European languages) and common Japanese
# family and given names: foreign people in Chinese news are written with these, and the public corpora have few.
TRANSLIT_START = "阿巴达法加哈卡拉马纳帕萨塔瓦亚扎埃贝德费盖赫凯莱梅内佩塞特韦泽伊比迪菲吉基利米尼皮里西蒂维奥博多福戈霍科洛莫诺波罗索托沃约佐乌布杜富古胡库卢穆努普鲁苏图尤祖亨劳鲍芬琼杰詹乔肯艾安汉"
TRANSLIT_MID = "阿巴达加卡拉马纳帕萨塔瓦亚扎贝德费赫凯莱梅内佩塞特韦泽伊比迪吉基利米尼里西蒂维奥博多戈科洛莫诺波罗索托沃约乌布杜库卢穆努普鲁图克格斯尔勒林金恩因"
TRANSLIT_END = "斯尔德特克森曼顿夫娃科诺基尼亚勒格姆兹恩逊林金娜莎丽琳妮拉罗斯蒂尔斯"
TRANSLIT_SUFFIXES = ("斯基", "科夫", "诺夫", "维奇", "森", "曼", "顿", "伯格", "斯坦", "逊")
JAPANESE_FAMILY = _names("""田中|山本|铃木|佐藤|渡边|高桥|伊藤|中村|小林|加藤|吉田|山田|佐佐木|松本|井上|木村|清水|山口|池田|石川
前田|藤田|小泉|安倍|岸田|野田|村上|竹下|宫泽|福田|鸠山|麻生|森田|冈田|西村|松下|稻盛|丰田|大野""")
JAPANESE_GIVEN = _names("""一郎|太郎|健一|浩|诚|直人|晋三|纯一郎|由纪夫|大辅|翔|美智子|和子|明|裕子|英树|正雄|光|信彦|真理子
修|隆|健太|雅人|幸之助|和夫|康夫|茂|惠子|直树""")


def random_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def foreign_name(rng: random.Random) -> str:
    """A made-up transliterated European name (穆拉特, 卡尔维斯基, 芬多·罗森), or a Japanese family name
    with or without a given name (田中健一)."""
    if rng.random() < 0.25:
        family = rng.choice(JAPANESE_FAMILY)
        return family + rng.choice(JAPANESE_GIVEN) if rng.random() < 0.6 else family

    def part() -> str:
        middle = "".join(rng.choice(TRANSLIT_MID) for _ in range(rng.choice((0, 1, 1, 2))))
        end = rng.choice(TRANSLIT_SUFFIXES) if rng.random() < 0.15 else rng.choice(TRANSLIT_END)
        return rng.choice(TRANSLIT_START) + middle + end

    return part() + "·" + part() if rng.random() < 0.3 else part()


def dictionary_people(min_freq: int = 20) -> list[str]:
    """Person names from jieba's dictionary: words tagged ``nr``, three characters, starting with one of the
    100 common family names in ``SURNAMES``, dictionary frequency ≥ ``min_freq`` (≈3,000 names; about one in
    eight is not a person: 夏令营, 卢浮宫). Two-character ``nr`` words are left out: many are ordinary words
    (明白, 王朝, 陆军)."""
    import jieba

    out = set()
    with jieba.get_dict_file() as f:
        for line in f.read().decode("utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) == 3 and parts[2] == "nr" and len(parts[0]) == 3 and parts[0][0] in SURNAMES and \
                    parts[1].isdigit() and int(parts[1]) >= min_freq:
                out.add(parts[0])
    return sorted(out)


def domain_examples(n: int, *, seed: int = 0, dictionary_share: float = 0.0,
                    foreign_share: float = 0.0) -> list[Example]:
    """``n`` template sentences with their spans; the same seed gives the same sentences. ``dictionary_share``
    of the person slots take a name from :func:`dictionary_people`, ``foreign_share`` of the others a made-up
    foreign one (:func:`foreign_name`)."""
    rng = random.Random(seed)
    known = dictionary_people() if dictionary_share > 0 else []
    pools = {"ORG": ORGS, "COMPANY": COMPANIES, "MODEL": MODELS, "TITLE": TITLES}
    out: list[Example] = []
    for _ in range(n):
        template = rng.choice(TEMPLATES)
        text, spans, pos = [], [], 0
        last = 0
        for m in _SLOT.finditer(template):
            text.append(template[last:m.start()])
            pos += m.start() - last
            kind = m.group(1)
            if kind == "PERSON":
                if known and rng.random() < dictionary_share:
                    value = rng.choice(known)
                elif foreign_share and rng.random() < foreign_share:
                    value = foreign_name(rng)
                else:
                    value = rng.choice(PEOPLE) if rng.random() < 0.5 else random_name(rng)
            else:
                value = rng.choice(pools[kind])
            text.append(value)
            spans.append((pos, pos + len(value), kind))
            pos += len(value)
            last = m.end()
        text.append(template[last:])
        out.append(("".join(text), tuple(spans)))
    return out
