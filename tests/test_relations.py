"""The relation rules, on hand-built analyses (mentions given; no engine, no model)."""
import pytest

from kg.extract.gazetteer import Gazetteer, GazetteerEntry
from kg.extract.relations import extract_relations
from kg.extract.relations._base import _ident

from helpers import make_analysis

P, O, C, M = "PERSON", "ORG", "COMPANY", "MODEL"
GAZ = Gazetteer([GazetteerEntry("腾讯", C, ("腾讯公司", "Tencent")), GazetteerEntry("谷歌", C, ("Google",)),
                 GazetteerEntry("腾讯 AI Lab", O, ()), GazetteerEntry("微软", C, ()), GazetteerEntry("微软亚洲研究院", O, ())])

CASES = [
    # text, mentions, expected {(head, relation, tail, role)}
    ("腾讯 AI Lab 副主任俞栋近日因个人发展原因离职。", [("腾讯 AI Lab", O), ("俞栋", P)],
     {("俞栋", "works_for", "腾讯 AI Lab", "副主任"), ("俞栋", "departed_from", "腾讯 AI Lab", None)}),
    # part_of from a unit's name, when the text also names the parent
    ("腾讯 AI Lab 是腾讯的研究机构。", [("腾讯 AI Lab", O), ("腾讯", C)], {("腾讯 AI Lab", "part_of", "腾讯", None)}),
    ("深维智能创始人、CEO 赵一舟将加入钉钉。", [("深维智能", C), ("赵一舟", P), ("钉钉", C)],
     {("赵一舟", "founded", "深维智能", None), ("赵一舟", "works_for", "深维智能", "CEO"),
      ("赵一舟", "leads", "深维智能", "CEO"), ("赵一舟", "joined", "钉钉", None)}),
    ("庞若鸣 2021 年从 Google 加入苹果。", [("庞若鸣", P), ("Google", C), ("苹果", C)],
     {("庞若鸣", "joined", "苹果", None), ("庞若鸣", "departed_from", "Google", None)}),
    ("Alexandr Wang 随之加盟 Meta，出任首席 AI 官。", [("Alexandr Wang", P), ("Meta", C)],
     {("Alexandr Wang", "joined", "Meta", None), ("Alexandr Wang", "works_for", "Meta", "首席 AI 官")}),
    ("由前 OpenAI 首席技术官 Mira Murati 创立的 Thinking Machines Lab 宣布融资。",
     [("OpenAI", C), ("Mira Murati", P), ("Thinking Machines Lab", C)],
     {("Mira Murati", "works_for", "OpenAI", "前首席技术官"), ("Mira Murati", "founded", "Thinking Machines Lab", None)}),
    ("Meta 的 Llama 4 在榜单上被 DeepSeek-V3 和 Qwen3 超越。", [("Meta", C), ("Llama 4", M), ("DeepSeek-V3", M), ("Qwen3", M)],
     {("Meta", "develops", "Llama 4", None), ("Llama 4", "competes_with", "DeepSeek-V3", None),
      ("Llama 4", "competes_with", "Qwen3", None)}),
    # a journalist works for the outlet (X 的记者 Y), a research director for the institute
    ("近日，星报社的著名记者 Dana Whitlock 采访了他。", [("星报社", C), ("Dana Whitlock", P)],
     {("Dana Whitlock", "works_for", "星报社", "记者")}),
    # funding said from the raising firm's side
    ("昨天 Quillstone 从 a16z 融资 7500 万美金。", [("Quillstone", C), ("a16z", C)], {("a16z", "invests_in", "Quillstone", None)}),
    ("澄言智能刚拿完腾讯 4 亿美金。", [("澄言智能", C), ("腾讯", C)], {("腾讯", "invests_in", "澄言智能", None)}),
    ("极序科技日前请其在国内的投资机构红杉中国、真格基金转让股份。", [("极序科技", C), ("红杉中国", C), ("真格基金", C)],
     {("红杉中国", "invests_in", "极序科技", None), ("真格基金", "invests_in", "极序科技", None)}),
    ("第二家是鹿鸣科技，红杉和腾讯在前年给其天使轮投了 800 万美元。", [("鹿鸣科技", C), ("红杉", C), ("腾讯", C)],
     {("红杉", "invests_in", "鹿鸣科技", None), ("腾讯", "invests_in", "鹿鸣科技", None)}),
    ("极序科技从腾讯挖来的员工很多。", [("极序科技", C), ("腾讯", C)], set()),  # 从 X, but no funding
    # 基于 X 的 Y: Y is built on X, not made by it (X 的 Y alone is a possessive: develops)
    ("基于微软的 BriskNet 设计了新的卷积。", [("微软", C), ("BriskNet", M)], set()),
    ("OpenAI CEO Sam Altman 表示将继续投入。", [("OpenAI", C), ("Sam Altman", P)],
     {("Sam Altman", "works_for", "OpenAI", "CEO"), ("Sam Altman", "leads", "OpenAI", "CEO")}),
    ("月之暗面创始人杨植麟毕业于清华大学。", [("月之暗面", C), ("杨植麟", P), ("清华大学", O)],
     {("杨植麟", "founded", "月之暗面", None), ("杨植麟", "works_for", "月之暗面", "创始人"),
      ("杨植麟", "educated_at", "清华大学", None)}),
    # a founder title is a position (data/README.md); founders come in lists, so every one listed after it
    ("百度的创始人李明和赵刚都来自清华大学。", [("百度", C), ("李明", P), ("赵刚", P), ("清华大学", O)],
     {("李明", "founded", "百度", None), ("李明", "works_for", "百度", "创始人"),
      ("赵刚", "founded", "百度", None), ("赵刚", "works_for", "百度", "创始人")}),
    # … the other script's form in brackets does not break the list; the verb before the title is not the role
    ("腾讯最早源自于创始人李明（Ming Li）和赵刚（Gang Zhao）的一次旅行。",
     [("腾讯", C), ("李明", P), ("Ming Li", P), ("赵刚", P), ("Gang Zhao", P)],
     {("李明", "founded", "腾讯", None), ("李明", "works_for", "腾讯", "创始人"),
      ("赵刚", "founded", "腾讯", None), ("赵刚", "works_for", "腾讯", "创始人")}),
    # an ordinary title before a list says it of the first person only …
    ("腾讯副总裁张三和李四出席了会议。", [("腾讯", C), ("张三", P), ("李四", P)],
     {("张三", "works_for", "腾讯", "副总裁")}),
    # … but a title a group holds (partners, board members) is of every person of a closed list after it
    ("青禾资本的合伙人周凯、李晨和王宁都在关注机器人。", [("青禾资本", C), ("周凯", P), ("李晨", P), ("王宁", P)],
     {("周凯", "works_for", "青禾资本", "合伙人"), ("李晨", "works_for", "青禾资本", "合伙人"),
      ("王宁", "works_for", "青禾资本", "合伙人")}),
    ("腾讯首席科学家张三和李四出席了会议。", [("腾讯", C), ("张三", P), ("李四", P)],
     {("张三", "works_for", "腾讯", "首席科学家")}),
    # 投资人 before a name is a title: the person invested in the company before it (not that company in another)
    ("Lumora 的第一轮由 Quillstone 首位风险投资人 Vinod Kessler 领投。",
     [("Lumora", C), ("Quillstone", C), ("Vinod Kessler", P)],
     {("Vinod Kessler", "invests_in", "Lumora", None), ("Vinod Kessler", "invests_in", "Quillstone", None)}),
    # X 是 Y 的（直接）竞争对手; X，作为 Y 的竞争对手; 作为 Y 的竞争对手，X …
    ("腾讯是阿里巴巴的直接竞争对手。", [("腾讯", C), ("阿里巴巴", C)], {("腾讯", "competes_with", "阿里巴巴", None)}),
    ("青禾的 Lynx，作为 Nova 的直接竞争对手，排名第四。", [("青禾", C), ("Lynx", "MODEL"), ("Nova", "MODEL")],
     {("Lynx", "competes_with", "Nova", None), ("青禾", "develops", "Lynx", None)}),
    ("作为 Nova 的竞争对手，Lynx 表现不错。", [("Nova", "MODEL"), ("Lynx", "MODEL")], {("Lynx", "competes_with", "Nova", None)}),
    ("张三是腾讯的竞争对手。", [("张三", P), ("腾讯", C)], set()),
    # a degree from a university: its holder is the one person named before, or of the sentence before a bio line
    ("张青禾生于青州，拥有青州大学的物理学学士学位和北京大学的硕士学位。",
     [("张青禾", P), ("青州大学", O), ("北京大学", O)],
     {("张青禾", "educated_at", "青州大学", None), ("张青禾", "educated_at", "北京大学", None)}),
    ("张青禾，青禾资本CTO。青州大学物理学学士和硕士学位，北京大学博士学位。",
     [("张青禾", P), ("青禾资本", C), ("青州大学", O), ("北京大学", O)],
     {("张青禾", "works_for", "青禾资本", "CTO"),
      ("张青禾", "educated_at", "青州大学", None), ("张青禾", "educated_at", "北京大学", None)}),
    ("张青禾是北京大学博士生导师。", [("张青禾", P), ("北京大学", O)], {("张青禾", "works_for", "北京大学", "博士生导师")}),
    # a "presidential young professor" is a professor there, not the school's head
    ("张青禾是青州大学校长青年教授。", [("张青禾", P), ("青州大学", O)], {("张青禾", "works_for", "青州大学", "校长青年教授")}),
    # a master's supervisor teaches there; a chain of posts goes on after 及 to a second school
    ("张青禾是青州大学硕士生导师。", [("张青禾", P), ("青州大学", O)], {("张青禾", "works_for", "青州大学", "硕士生导师")}),
    ("张青禾是鹿鸣理工学院研究员、博士生导师及青州大学博士联合导师。", [("张青禾", P), ("鹿鸣理工学院", O), ("青州大学", O)],
     {("张青禾", "works_for", "鹿鸣理工学院", "研究员"), ("张青禾", "works_for", "青州大学", "博士联合导师")}),
    # two versions of one family compared are no rivals, whatever rule reads the comparison
    ("研究人员将Lynx-T2V与Lynx-T2I进行了比较。", [("Lynx-T2V", "MODEL"), ("Lynx-T2I", "MODEL")], set()),
    # a list of founders after 创始人包括: of the company the sentence is about
    ("Lumora 成立于 2022 年，创始人包括了 Dana Whitlock、Rob Kent 和 Lena Carter。",
     [("Lumora", C), ("Dana Whitlock", P), ("Rob Kent", P), ("Lena Carter", P)],
     {(p, r, "Lumora", role) for p in ("Dana Whitlock", "Rob Kent", "Lena Carter")
      for r, role in (("founded", None), ("works_for", "创始人"))}),
    ("红杉资本投资了青禾，创始人包括张三和李四。", [("红杉资本", C), ("青禾", C), ("张三", P), ("李四", P)],
     {("红杉资本", "invests_in", "青禾", None)}),  # whose founders? the sentence does not say
    # 其 is the sentence's subject, not a name inside its object
    ("鹿鸣科技将自身定位于开源版的青禾，也就是其 CEO 王磊所说的问题。", [("鹿鸣科技", C), ("青禾", C), ("王磊", P)],
     {("王磊", "works_for", "鹿鸣科技", "CEO"), ("王磊", "leads", "鹿鸣科技", "CEO")}),
    # those a joint action is against are no partners
    ("青州律师协会和几位作者联合对青禾科技提起了诉讼。", [("青州律师协会", O), ("青禾科技", C)], set()),
    # the organisation where someone served (担任 X 总裁并投资了 Y) is not who invested
    ("张三曾担任青禾资本总裁并投资了鹿鸣科技。", [("张三", P), ("青禾资本", C), ("鹿鸣科技", C)],
     {("张三", "works_for", "青禾资本", "总裁"), ("张三", "leads", "青禾资本", "总裁"), ("张三", "invests_in", "鹿鸣科技", None)}),
    # a year of study is a student's title (X，某大学博一在读)
    ("Tom Lee，青州大学博一在读，研究机器人。", [("Tom Lee", P), ("青州大学", O)], {("Tom Lee", "educated_at", "青州大学", None)}),
    # 加入 X 担任 Y without a comma between: the title is at X
    ("张伟于去年加入青禾资本担任合伙人。", [("张伟", P), ("青禾资本", C)],
     {("张伟", "joined", "青禾资本", None), ("张伟", "works_for", "青禾资本", "合伙人")}),
    # coaching a team, betting on a start-up, studying at a university (在读)
    ("张伟执教青州熊队27年。", [("张伟", P), ("青州熊队", O)], {("张伟", "works_for", "青州熊队", None)}),
    ("我曾介绍过 Lumora 多次下注的语言学习公司 Speakly。", [("Lumora", C), ("Speakly", C)],
     {("Lumora", "invests_in", "Speakly", None)}),
    ("Tom Lee目前在青州大学博士在读。", [("Tom Lee", P), ("青州大学", O)], {("Tom Lee", "educated_at", "青州大学", None)}),
    ("张青禾在青州理工学院读研究生时做过助教。", [("张青禾", P), ("青州理工学院", O)],
     {("张青禾", "educated_at", "青州理工学院", None)}),
    # … unless each person listed carries a role in brackets (a roster)
    ("成员还有腾讯技术专家 Anna Berg（安全主管）、Tom Ries（研究主管）和 Bob Tate（首席科学家）。",
     [("腾讯", C), ("Anna Berg", P), ("Tom Ries", P), ("Bob Tate", P)],
     {("Anna Berg", "works_for", "腾讯", "技术专家"), ("Tom Ries", "works_for", "腾讯", "技术专家"),
      ("Bob Tate", "works_for", "腾讯", "技术专家")}),
    # joint research: organisations whose researchers made one thing partner with each other (and develop it)
    ("北京大学、浙江大学和美团的研究人员开发了 Lumo-3。", [("北京大学", O), ("浙江大学", O), ("美团", C), ("Lumo-3", M)],
     {("北京大学", "develops", "Lumo-3", None), ("浙江大学", "develops", "Lumo-3", None), ("美团", "develops", "Lumo-3", None),
      ("北京大学", "partners_with", "浙江大学", None), ("北京大学", "partners_with", "美团", None),
      ("浙江大学", "partners_with", "美团", None)}),
    ("这项研究由来自初创公司 Sakana AI、Mistral AI 的研究团队完成。", [("Sakana AI", C), ("Mistral AI", C)],
     {("Sakana AI", "partners_with", "Mistral AI", None)}),
    # … but scholars of three universities on one panel, or two bodies issuing a document, did no research together
    ("清华大学、北京大学和浙江大学的学者圆桌讨论了大模型。", [("清华大学", O), ("北京大学", O), ("浙江大学", O)], set()),
    ("中共中央、国务院发布了一份新的规划。", [("中共中央", O), ("国务院", O)], set()),
    # a supplier deal is a partnership; 在其 X 模型中: its own model; 提出 a model
    ("2001年，比亚迪成为华为的锂电池供应商。", [("比亚迪", C), ("华为", C)], {("比亚迪", "partners_with", "华为", None)}),
    ("京东在其 Lumo-3 模型中新增了搜索功能。", [("京东", C), ("Lumo-3", M)], {("京东", "develops", "Lumo-3", None)}),
    ("浙江大学团队提出了 Lumo-3 模型。", [("浙江大学团队", O), ("Lumo-3", M)], {("浙江大学团队", "develops", "Lumo-3", None)}),
    # a title chain through a model: 研究员 of the lab, 作者 of the model
    ("谷歌DeepMind研究员、ViT作者Lucas Beyer点了个赞。", [("谷歌DeepMind", O), ("ViT", M), ("Lucas Beyer", P)],
     {("Lucas Beyer", "works_for", "谷歌DeepMind", "研究员"), ("Lucas Beyer", "develops", "ViT", None)}),
    # an investor list names one investor per item: the name the item ends with (a founder of 亚马逊, not 亚马逊);
    # items that name nobody (Shopify CEO, Vercel 的创始人) give none; X 的上一轮融资 names who raised
    ("鹿鸣科技的上一轮融资由 IVP 领投，其它投资人包括了亚马逊创始人 Jeff Bezos、NEA、Shopify CEO 以及 Vercel 的创始人。",
     [("鹿鸣科技", C), ("IVP", C), ("亚马逊", C), ("Jeff Bezos", P), ("NEA", C), ("Shopify", C), ("Vercel", C)],
     {("IVP", "invests_in", "鹿鸣科技", None), ("Jeff Bezos", "invests_in", "鹿鸣科技", None),
      ("NEA", "invests_in", "鹿鸣科技", None), ("Jeff Bezos", "founded", "亚马逊", None),
      ("Jeff Bezos", "works_for", "亚马逊", "创始人")}),
    # the object of 加入 is the name after an apposition (百度竞争对手阿里巴巴), and the apposition says they compete
    ("张伟宣布加入百度竞争对手阿里巴巴。", [("张伟", P), ("百度", C), ("阿里巴巴", C)],
     {("张伟", "joined", "阿里巴巴", None), ("百度", "competes_with", "阿里巴巴", None)}),
    # founders listed after the title, but not when the list goes on with other names (an investor list)
    ("投资人包括亚马逊创始人 Jeff Bezos、Elad Gil、NEA 和英伟达。",
     [("亚马逊", C), ("Jeff Bezos", P), ("Elad Gil", P), ("NEA", C), ("英伟达", C)],
     {("Jeff Bezos", "founded", "亚马逊", None), ("Jeff Bezos", "works_for", "亚马逊", "创始人")}),
    # the company behind a list of models develops each; with 他们, only where one organisation is named before
    ("对于不了解百度的人，他们是文心一言、ChatGPT 和 Codex 背后的研究公司。",
     [("百度", C), ("文心一言", M), ("ChatGPT", M), ("Codex", M)],
     {("百度", "develops", "文心一言", None), ("百度", "develops", "ChatGPT", None), ("百度", "develops", "Codex", None)}),
    ("百度和腾讯都说，他们是 Qinghe-2 背后的公司。", [("百度", C), ("腾讯", C), ("Qinghe-2", M)], set()),
    # dismissal: the company that dismisses someone is the one they leave, in the active and the passive
    # removed from a post he held: the post is his (works_for, leads for a head's title; the real-news gold does so)
    ("青禾电子董事会解除王建华的 CEO 职务。", [("青禾电子", C), ("王建华", P)],
     {("王建华", "departed_from", "青禾电子", None), ("王建华", "works_for", "青禾电子", "CEO"), ("王建华", "leads", "青禾电子", "CEO")}),
    ("王建华被青禾电子董事会开除。", [("王建华", P), ("青禾电子", C)], {("王建华", "departed_from", "青禾电子", None)}),
    # degrees are titles of the school: educated_at, before or after the name
    ("王驰，南京大学电子工程博士，曾参与量子计算项目。", [("王驰", P), ("南京大学", O)], {("王驰", "educated_at", "南京大学", None)}),
    ("清华大学博士王建华加入了腾讯。", [("清华大学", O), ("王建华", P), ("腾讯", C)],
     {("王建华", "educated_at", "清华大学", None), ("王建华", "joined", "腾讯", None)}),
    # … but a doctoral supervisor works there
    ("清华大学博士生导师王建华加入了腾讯。", [("清华大学", O), ("王建华", P), ("腾讯", C)],
     {("王建华", "works_for", "清华大学", "博士生导师"), ("王建华", "joined", "腾讯", None)}),
    # 担任 ORG 的 TITLE, said of the one person named before it
    ("李明正在南京大学读书，并且担任东湖创业协会的主席。", [("李明", P), ("南京大学", O), ("东湖创业协会", O)],
     {("李明", "works_for", "东湖创业协会", "主席"), ("李明", "leads", "东湖创业协会", "主席")}),
    # officer titles and scholars (…学家) are positions
    ("百度前首席人力资源官李芳在书中写道。", [("百度", C), ("李芳", P)],
     {("李芳", "works_for", "百度", "前首席人力资源官")}),
    ("南京大学心理学家 Ada Brown 认为，领导者受三种需求驱使。", [("南京大学", O), ("Ada Brown", P)],
     {("Ada Brown", "works_for", "南京大学", "心理学家")}),
    ("王小川，百川智能 CEO，今天宣布新计划。", [("王小川", P), ("百川智能", C)],
     {("王小川", "works_for", "百川智能", "CEO"), ("王小川", "leads", "百川智能", "CEO")}),
    ("前谷歌研究员张三加入字节跳动。", [("谷歌", C), ("张三", P), ("字节跳动", C)],
     {("张三", "works_for", "谷歌", "前研究员"), ("张三", "joined", "字节跳动", None)}),
    ("李四从阿里巴巴离职。", [("李四", P), ("阿里巴巴", C)], {("李四", "departed_from", "阿里巴巴", None)}),
    ("腾讯推出了「混元」大模型。", [("腾讯", C), ("混元", M)], {("腾讯", "develops", "混元", None)}),
    ("OpenAI 正在加快 GPT-5 的研发。", [("OpenAI", C), ("GPT-5", M)], {("OpenAI", "develops", "GPT-5", None)}),
    ("谷歌的 Gemini 表现出色。", [("谷歌", C), ("Gemini", M)], {("谷歌", "develops", "Gemini", None)}),
    ("极序科技被美团以 10 亿元收购。", [("极序科技", C), ("美团", C)], {("美团", "acquires", "极序科技", None)}),
    ("美团宣布完成对极序科技的收购。", [("美团", C), ("极序科技", C)], {("美团", "acquires", "极序科技", None)}),
    ("红杉中国领投了灵枢机器人的新一轮融资。", [("红杉中国", C), ("灵枢机器人", C)],
     {("红杉中国", "invests_in", "灵枢机器人", None)}),
    ("灵枢机器人完成 5 亿元融资，由红杉中国领投。", [("灵枢机器人", C), ("红杉中国", C)],
     {("红杉中国", "invests_in", "灵枢机器人", None)}),
    ("华为与科大讯飞宣布战略合作。", [("华为", C), ("科大讯飞", C)], {("华为", "partners_with", "科大讯飞", None)}),
    ("DeepSeek-R2 超越了 GPT-5。", [("DeepSeek-R2", M), ("GPT-5", M)], {("DeepSeek-R2", "competes_with", "GPT-5", None)}),
    ("OpenAI、Google 和 Meta 都在争夺顶尖人才。", [("OpenAI", C), ("Google", C), ("Meta", C)],
     {("OpenAI", "competes_with", "Google", None), ("OpenAI", "competes_with", "Meta", None),
      ("Google", "competes_with", "Meta", None)}),
    ("在大模型领域，除了腾讯，其他科技巨头也在积极布局。例如，OpenAI 正在加快 GPT-5 的研发。Google 也在优化其 Gemini 模型。",
     [("腾讯", C), ("OpenAI", C), ("GPT-5", M), ("Google", C), ("Gemini", M)],
     {("腾讯", "competes_with", "OpenAI", None), ("腾讯", "competes_with", "Google", None),
      ("OpenAI", "develops", "GPT-5", None), ("Google", "develops", "Gemini", None)}),
    ("澄言智能完成 2 亿元融资，投资方包括红杉中国、高瓴和腾讯。", [("澄言智能", C), ("红杉中国", C), ("高瓴", C), ("腾讯", C)],
     {("红杉中国", "invests_in", "澄言智能", None), ("高瓴", "invests_in", "澄言智能", None), ("腾讯", "invests_in", "澄言智能", None)}),
    ("李四拥有清华大学博士学位。", [("李四", P), ("清华大学", O)], {("李四", "educated_at", "清华大学", None)}),
    ("谷歌也持有 Anthropic 的股份。", [("谷歌", C), ("Anthropic", C)], {("谷歌", "invests_in", "Anthropic", None)}),
    ("微软旗下的 GitHub 也与 Anthropic 达成合作。", [("微软", C), ("GitHub", C), ("Anthropic", C)],
     {("GitHub", "part_of", "微软", None), ("GitHub", "partners_with", "Anthropic", None)}),
    ("智谱同时提交了自家的 GLM-4.5 和 GLM-4.5-Air。", [("智谱", C), ("GLM-4.5", M), ("GLM-4.5-Air", M)],
     {("智谱", "develops", "GLM-4.5", None), ("智谱", "develops", "GLM-4.5-Air", None)}),
    ("DeepSeek 由梁文锋创立，背后的投资方是幻方量化。", [("DeepSeek", C), ("梁文锋", P), ("幻方量化", C)],
     {("梁文锋", "founded", "DeepSeek", None), ("幻方量化", "invests_in", "DeepSeek", None)}),
    ("赵晟佳毕业于清华大学，曾是 OpenAI 研究员，参与了 GPT-4 的训练。", [("赵晟佳", P), ("清华大学", O), ("OpenAI", C), ("GPT-4", M)],
     {("赵晟佳", "educated_at", "清华大学", None), ("赵晟佳", "works_for", "OpenAI", "研究员"),
      ("赵晟佳", "develops", "GPT-4", None), ("OpenAI", "develops", "GPT-4", None)}),  # (the last: a known maker)
    ("快手副总裁、可灵事业部负责人盖文轩表示满意。", [("快手", C), ("可灵事业部", O), ("盖文轩", P)],
     {("盖文轩", "works_for", "快手", "副总裁"), ("盖文轩", "works_for", "可灵事业部", "负责人"),
      ("盖文轩", "leads", "可灵事业部", "负责人")}),
    ("Thinking Machines Lab 将与 Anthropic、Safe Superintelligence 等实验室争夺人才。",
     [("Thinking Machines Lab", C), ("Anthropic", C), ("Safe Superintelligence", C)],
     {("Thinking Machines Lab", "competes_with", "Anthropic", None),
      ("Thinking Machines Lab", "competes_with", "Safe Superintelligence", None)}),
    ("交易完成后，韦宁将加入美团 LongCat 团队。", [("韦宁", P), ("美团", C), ("LongCat 团队", O)],
     {("韦宁", "joined", "LongCat 团队", None)}),
    ("周嘉树与林晓川同为清华大学校友。", [("周嘉树", P), ("林晓川", P), ("清华大学", O)],
     {("周嘉树", "educated_at", "清华大学", None), ("林晓川", "educated_at", "清华大学", None)}),
    ("周嘉树 2019 年加入字节跳动，今年 1 月从字节跳动离职。", [("周嘉树", P), ("字节跳动", C), ("字节跳动", C)],
     {("周嘉树", "joined", "字节跳动", None), ("周嘉树", "departed_from", "字节跳动", None)}),
    ("蒋沐阳加盟小米，出任小米 MiMo 大模型负责人。", [("蒋沐阳", P), ("小米", C), ("小米", C), ("MiMo", M)],
     {("蒋沐阳", "joined", "小米", None), ("蒋沐阳", "works_for", "小米", "大模型负责人"),
      ("蒋沐阳", "leads", "MiMo", "大模型负责人"),
      ("小米", "develops", "MiMo", None)}),
    ("灵枢机器人成立于 2023 年，由方启航和苏婉清共同创立。方启航担任 CEO，苏婉清担任首席科学家。",
     [("灵枢机器人", C), ("方启航", P), ("苏婉清", P), ("方启航", P), ("苏婉清", P)],
     {("方启航", "founded", "灵枢机器人", None), ("苏婉清", "founded", "灵枢机器人", None),
      ("方启航", "works_for", "灵枢机器人", "CEO"), ("方启航", "leads", "灵枢机器人", "CEO"),
      ("苏婉清", "works_for", "灵枢机器人", "首席科学家")}),
    ("公司由前华为研究员方启航和上海交通大学教授苏婉清共同创立。", [("华为", C), ("方启航", P), ("上海交通大学", O), ("苏婉清", P)],
     {("方启航", "works_for", "华为", "前研究员"), ("苏婉清", "works_for", "上海交通大学", "教授")}),
    ("张三创办了澄言智能。", [("张三", P), ("澄言智能", C)], {("张三", "founded", "澄言智能", None)}),
    # A 拿了 X 和 Y 的钱: the money's owners invested in A
    ("蓝鲸科技在早期拿了红杉中国和青禾资本的钱。", [("蓝鲸科技", C), ("红杉中国", C), ("青禾资本", C)],
     {("红杉中国", "invests_in", "蓝鲸科技", None), ("青禾资本", "invests_in", "蓝鲸科技", None)}),
    ("蓝鲸科技拿了青禾资本的 offer。", [("蓝鲸科技", C), ("青禾资本", C)], set()),
    # A 联合 B 投了 C: both invested; co-investors are not partners
    ("今天，远山创投联合青禾资本投了蓝鲸科技。", [("远山创投", C), ("青禾资本", C), ("蓝鲸科技", C)],
     {("远山创投", "invests_in", "蓝鲸科技", None), ("青禾资本", "invests_in", "蓝鲸科技", None)}),
    # A 和 B 等机构给 X 投了: every investor of the list; 拿了 … 融资 names the company an investor list is about
    ("远山创投和青禾资本等机构去年给蓝鲸科技投了 4000 万美元。", [("远山创投", C), ("青禾资本", C), ("蓝鲸科技", C)],
     {("远山创投", "invests_in", "蓝鲸科技", None), ("青禾资本", "invests_in", "蓝鲸科技", None)}),
    ("远山科技前高管创办的蓝鲸科技拿下 2 亿元新一轮融资，参与的投资机构包括青禾资本和北辰基金。",
     [("远山科技", C), ("蓝鲸科技", C), ("青禾资本", C), ("北辰基金", C)],
     {("青禾资本", "invests_in", "蓝鲸科技", None), ("北辰基金", "invests_in", "蓝鲸科技", None)}),
    # a firm named only for the post of a person who invested is not an investor
    ("蓝鲸科技早先拿了多位投资人的支持，包括了 2 位青禾资本的前合伙人、远山科技联合创始人以及几位机构投资人。",
     [("蓝鲸科技", C), ("青禾资本", C), ("远山科技", C)], set()),
    # NAME，[a kind of organisation] ORG 的 TITLE; two areas joined by 和 before the title
    ("Dana Reyes，美国最大的燃料公司之一 Norvale 的 CEO，对形势作了阐述。", [("Dana Reyes", P), ("Norvale", C)],
     {("Dana Reyes", "works_for", "Norvale", "CEO"), ("Dana Reyes", "leads", "Norvale", "CEO")}),
    ("Dana Reyes 是远山科技的开发和体验主管。", [("Dana Reyes", P), ("远山科技", C)],
     {("Dana Reyes", "works_for", "远山科技", "开发和体验主管")}),
    # 在 X 担任 N 年 TITLE; 他 is the person named before in the sentence
    ("首任校长由李建国担任，此前他曾在南开大学担任十年校长。", [("李建国", P), ("南开大学", O)],
     {("李建国", "works_for", "南开大学", "校长"), ("李建国", "leads", "南开大学", "校长")}),
    # a post over a part of the organisation (负责 X 的 TITLE, 业务…的 TITLE) is at the organisation, and heads no more
    ("远山科技负责 AI 伦理的首席执行官 Dana Reyes 表示同意。", [("远山科技", C), ("Dana Reyes", P)],
     {("Dana Reyes", "works_for", "远山科技", "负责 AI 伦理的首席执行官")}),
    ("远山科技生态合作、市场与投资的执行副总裁 Dana Reyes 表示。", [("远山科技", C), ("Dana Reyes", P)],
     {("Dana Reyes", "works_for", "远山科技", "生态合作、市场与投资的执行副总裁")}),
    # a post on the parent's board is not at the organisation named before it
    ("Dana Reyes 女士是《青禾周刊》母公司董事会的一员。", [("Dana Reyes", P), ("《青禾周刊》", C)], set()),
    # PERSON 博士是一名 ORG 校友; 在 ORG 从事研究
    ("Dana Reyes博士是一名浙大校友。", [("Dana Reyes", P), ("浙大", O)], {("Dana Reyes", "educated_at", "浙大", None)}),
    ("张三现在在远山研究院从事研究。", [("张三", P), ("远山研究院", O)], {("张三", "works_for", "远山研究院", None)}),
    # NAME 院士作为 ORG TITLE、ORG TITLE: each post; 党委书记 is a member's title; 考入 a school
    ("周明院士作为南大教授、远山学会理事长，长年研究编译器。", [("周明", P), ("南大", O), ("远山学会", O)],
     {("周明", "works_for", "南大", "教授"), ("周明", "works_for", "远山学会", "理事长"), ("周明", "leads", "远山学会", "理事长")}),
    ("远山大学党委书记王立新发表讲话。", [("远山大学", O), ("王立新", P)], {("王立新", "works_for", "远山大学", "党委书记")}),
    ("王立新，1980年考入远山大学。", [("王立新", P), ("远山大学", O)], {("王立新", "educated_at", "远山大学", None)}),
    ("远山创投现在的合伙人 Dana Reyes 表示。", [("远山创投", C), ("Dana Reyes", P)],
     {("Dana Reyes", "works_for", "远山创投", "合伙人")}),
    # a cleft sentence: VERB X 的是 Y (the doer after 的是; a person the title names after the firm too)
    ("此次投蓝鲸科技的是远山创投合伙人 Dana Reyes。", [("蓝鲸科技", C), ("远山创投", C), ("Dana Reyes", P)],
     {("远山创投", "invests_in", "蓝鲸科技", None), ("Dana Reyes", "invests_in", "蓝鲸科技", None),
      ("Dana Reyes", "works_for", "远山创投", "合伙人")}),
    ("开发 Corvo-2 的是蓝鲸科技。", [("Corvo-2", M), ("蓝鲸科技", C)], {("蓝鲸科技", "develops", "Corvo-2", None)}),
    ("投蓝鲸科技的是最好的选择。", [("蓝鲸科技", C)], set()),
    # the round the sentence before announced: 此次 B 轮由 A 领投
    ("蓝鲸科技完成了 1 亿美金的 B 轮融资。此次 B 轮由青禾资本领投。", [("蓝鲸科技", C), ("青禾资本", C)],
     {("青禾资本", "invests_in", "蓝鲸科技", None)}),
    # 它由 … 提出: 它 may stand for the one model of the sentence before when the text says who made it
    ("研究人员发布了 Corvo-2 模型。它由远山大学和青禾研究院联合提出。", [("Corvo-2", M), ("远山大学", O), ("青禾研究院", O)],
     {("远山大学", "develops", "Corvo-2", None), ("青禾研究院", "develops", "Corvo-2", None),
      ("远山大学", "partners_with", "青禾研究院", None)}),
    ("研究人员发布了 Corvo-2 模型。它很好用，远山大学也在用。", [("Corvo-2", M), ("远山大学", O)], set()),
    # a sentence that opens with 曾任/历任 and no subject: the person of the sentence before held those posts
    ("周明是蓝湾大学教授。曾任青川大学副校长、江临大学副校长。", [("周明", P), ("蓝湾大学", O), ("青川大学", O), ("江临大学", O)],
     {("周明", "works_for", "蓝湾大学", "教授"), ("周明", "works_for", "青川大学", "副校长"),
      ("周明", "works_for", "江临大学", "副校长")}),
    ("张明后来在远山大学深造。", [("张明", P), ("远山大学", O)], {("张明", "educated_at", "远山大学", None)}),
    # a person's fund invests, not the person (X 的 Y 给 Z 投资); the fund is the person's firm (data/README.md:
    # 李飞飞的 World Labs is works_for)
    ("当 Dana Reyes 的 Brightfield 以 5 亿美元的估值给 Lumora 投资时，消息传出。",
     [("Dana Reyes", P), ("Brightfield", C), ("Lumora", C)],
     {("Brightfield", "invests_in", "Lumora", None), ("Dana Reyes", "works_for", "Brightfield", None)}),
    # 被誉为 (is called) is no passive of the trigger after it
    ("被誉为人工智能教父的方启航曾在青禾科技工作，但他于2023年离开。", [("方启航", P), ("青禾科技", C)],
     {("方启航", "works_for", "青禾科技", None), ("方启航", "departed_from", "青禾科技", None)}),
    # backed by: 由 X 支持的 Y, X 和 Z 共同支持的 Y, X 投资的初创公司 Y
    ("由青禾资本支持的远山科技宣布完成了 B 轮融资。", [("青禾资本", C), ("远山科技", C)],
     {("青禾资本", "invests_in", "远山科技", None)}),
    ("青禾资本和远山创投共同支持的澄言智能上市了。", [("青禾资本", C), ("远山创投", C), ("澄言智能", C)],
     {("青禾资本", "invests_in", "澄言智能", None), ("远山创投", "invests_in", "澄言智能", None)}),
    # 作为/以 TITLE 创立/加入 X: the title is held at X
    ("作者方启航在2010年作为CEO创立了本地化平台青禾科技。", [("方启航", P), ("青禾科技", C)],
     {("方启航", "founded", "青禾科技", None), ("方启航", "works_for", "青禾科技", "CEO"), ("方启航", "leads", "青禾科技", "CEO")}),
    ("方启航以首席科学家的身份加入青禾科技。", [("方启航", P), ("青禾科技", C)],
     {("方启航", "joined", "青禾科技", None), ("方启航", "works_for", "青禾科技", "首席科学家")}),
    # 从 X 出来/离开 (之后): left X, also when the subject closes the clause before (X 来说，从 Y 出来之后)
    ("对于方启航来说，从远山科技出来之后，做耳机是初衷。", [("方启航", P), ("远山科技", C)],
     {("方启航", "departed_from", "远山科技", None)}),
    ("方启航从远山科技离开后，成立了青禾科技。", [("方启航", P), ("远山科技", C), ("青禾科技", C)],
     {("方启航", "departed_from", "远山科技", None), ("方启航", "founded", "青禾科技", None)}),
    # an organisation that appoints someone gives the post; X 的 TITLE 职务 after the organisation that removes
    ("青禾科技今天宣布任命方启航担任首席执行官。", [("青禾科技", C), ("方启航", P)],
     {("方启航", "works_for", "青禾科技", "首席执行官"), ("方启航", "leads", "青禾科技", "首席执行官")}),
    ("青禾科技董事会解除林晓川的 CEO 职务后，引发了讨论。", [("青禾科技", C), ("林晓川", P)],
     {("林晓川", "departed_from", "青禾科技", None), ("林晓川", "works_for", "青禾科技", "CEO"),
      ("林晓川", "leads", "青禾科技", "CEO")}),
    # a portfolio, a customer list: invests_in, partners_with
    ("远山资本投资组合里的公司，比如青禾科技、澄言智能，都在尝试。", [("远山资本", C), ("青禾科技", C), ("澄言智能", C)],
     {("远山资本", "invests_in", "青禾科技", None), ("远山资本", "invests_in", "澄言智能", None)}),
    ("青禾科技披露了部分客户名单，其中有远山科技、澄言智能等。", [("青禾科技", C), ("远山科技", C), ("澄言智能", C)],
     {("青禾科技", "partners_with", "远山科技", None), ("青禾科技", "partners_with", "澄言智能", None)}),
    # 曾在 X 工作的 A (和 B): the organisation's people
    ("曾在远山资本工作的方启航为我概括出了法则。", [("远山资本", C), ("方启航", P)], {("方启航", "works_for", "远山资本", None)}),
    ("在远山资本工作的方启航和林晓川都同意。", [("远山资本", C), ("方启航", P), ("林晓川", P)],
     {("方启航", "works_for", "远山资本", None), ("林晓川", "works_for", "远山资本", None)}),
    # a raising company with time and 宣布 before its verb; co-investors (联合领投) are no partners; a former post
    # without 的 after a list is the last organisation's
    ("远山科技在昨晚宣布完成了 8000 万美金的 B 轮融资，由青禾资本领投，澄言创投和灵枢资本跟投。",
     [("远山科技", C), ("青禾资本", C), ("澄言创投", C), ("灵枢资本", C)],
     {("青禾资本", "invests_in", "远山科技", None), ("澄言创投", "invests_in", "远山科技", None),
      ("灵枢资本", "invests_in", "远山科技", None)}),
    ("远山科技完成融资，由青禾资本和澄言科技前 CEO 方启航联合领投。", [("远山科技", C), ("青禾资本", C), ("澄言科技", C), ("方启航", P)],
     {("青禾资本", "invests_in", "远山科技", None), ("方启航", "invests_in", "远山科技", None),
      ("方启航", "works_for", "澄言科技", "前CEO"), ("方启航", "leads", "澄言科技", "前CEO")}),
    # 联合出品/联合完成 after a list of organisations (slashes too): each pair works together
    ("青禾视觉模型来了｜青禾大学/远山实验室/澄言大学联合出品", [("青禾大学", O), ("远山实验室", O), ("澄言大学", O)],
     {("青禾大学", "partners_with", "远山实验室", None), ("青禾大学", "partners_with", "澄言大学", None),
      ("远山实验室", "partners_with", "澄言大学", None)}),
    # a team named after a model the document names develops it
    ("实验室公布了新模型——Lumora 。Lumora研发团队表示还会继续改进。", [("Lumora", M), ("Lumora研发团队", O)],
     {("Lumora研发团队", "develops", "Lumora", None)}),
    # a bio line: PERSON：ORG TITLE, the title ending the clause (not a quote that goes on)
    ("方启航：青禾科技联合创始人兼CTO", [("方启航", P), ("青禾科技", C)],
     {("方启航", "founded", "青禾科技", None), ("方启航", "works_for", "青禾科技", "联合创始人兼CTO")}),
    # the title right before a list of people, the organisation earlier in the clause (two people or more)
    ("目前远山资本内部的核心主力还有合伙人方启航、林晓川以及韩立。", [("远山资本", C), ("方启航", P), ("林晓川", P), ("韩立", P)],
     {("方启航", "works_for", "远山资本", "合伙人"), ("林晓川", "works_for", "远山资本", "合伙人"), ("韩立", "works_for", "远山资本", "合伙人")}),
    # a chain of titles longer than a short window; a region's head does not lead the organisation
    ("记者采访了青禾银行华东区主席及亚太区零售业务部副总裁方启航。", [("青禾银行", C), ("方启航", P)],
     {("方启航", "works_for", "青禾银行", "华东区主席")}),
]

NEGATIVE = [
    # co-occurrence without a trigger, title or structure gives nothing
    ("腾讯和阿里巴巴的股价今天都上涨了。", [("腾讯", C), ("阿里巴巴", C)]),
    ("张三在发布会上提到了 OpenAI。", [("张三", P), ("OpenAI", C)]),
    # negation
    ("美团否认将收购极序科技。", [("美团", C), ("极序科技", C)]),
    ("李四并未从阿里巴巴离职。", [("李四", P), ("阿里巴巴", C)]),
    # a unit's name alone says nothing of a parent the text never names
    ("微软亚洲研究院发布了新论文。", [("微软亚洲研究院", O)]),
    # a verb used as a modifier
    ("OpenAI 的模型登上开源榜单。", [("OpenAI", C)]),
    # rumours, questions and talks are not facts
    ("传字节跳动将收购码上智能？", [("字节跳动", C), ("码上智能", C)]),
    ("网传美团投资了极序科技。", [("美团", C), ("极序科技", C)]),
    ("字节跳动正在洽谈收购码上智能。", [("字节跳动", C), ("码上智能", C)]),
    # responsible for a part of something does not lead it
    ("罗一鸣目前负责 Gemini 的多语言评测。", [("罗一鸣", P), ("Gemini", M)]),
    # type constraints: a model cannot join a company
    ("GPT-5 加入了新功能。", [("GPT-5", M)]),
    # 作为 a title with no founding or joining verb; 从 X 拿出来: no departure
    ("方启航作为投资人见证了青禾科技的成长。", [("方启航", P), ("青禾科技", C)]),
    ("方启航从远山科技拿出来一份报告。", [("方启航", P), ("远山科技", C)]),
    # inviting is no appointment; two organisations leave unclear whose post it is
    ("青禾科技邀请方启航参加发布会。", [("青禾科技", C), ("方启航", P)]),
    ("远山科技和青禾科技都提到了方启航的CEO职务。", [("远山科技", C), ("青禾科技", C), ("方启航", P)]),
    # 从 X 的 Y: where something came from, not whom Y works for
    ("他从青禾科技的方启航那里听说了这件事。", [("青禾科技", C), ("方启航", P)]),
    # X 支持的 Y 完成融资: Y raised, not X
    ("由青禾资本支持的 1X 宣布完成了新的 1 亿美金 B 轮融资，由远山资本领投。", [("青禾资本", C), ("远山资本", C)]),
    ("方启航：青禾科技CEO说过一句话。", [("方启航", P), ("青禾科技", C)]),
    # 支持 outside a backed-by phrase is no investment
    ("谷歌支持青禾科技的开源标准。", [("谷歌", C), ("青禾科技", C)]),
]


def _rules(rels):
    """The relations the sentence's words give: without those of the known-positions table (黄仁勋 and 英伟达 named
    together), which test_known_positions_* check."""
    return [r for r in rels if r.trigger != "known position"]


def _got(analysis, *, rules=False):
    """(head, relation, tail) texts of the relations found in a hand-built analysis; ``rules``: without the known-
    positions table's."""
    rels = extract_relations(analysis, gazetteer=GAZ)
    return {(r.head.text, r.relation, r.tail.text) for r in (_rules(rels) if rules else rels)}


def _facts(text, mentions):
    rels = _rules(extract_relations(make_analysis(text, mentions), gazetteer=GAZ))
    # (a pronoun resolved to a name without a key carries "=" + the name: the graph gives it the name's node)
    return {(_ident(r.head), r.relation, _ident(r.tail), r.role) for r in rels}


def _norm(facts):
    """Symmetric relations compare either way round."""
    out = set()
    for h, r, t, role in facts:
        if r in ("competes_with", "partners_with"):
            h, t = sorted((h, t))
        out.add((h, r, t, role))
    return out


@pytest.mark.parametrize("text,mentions,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_relation_rules(text, mentions, expected):
    assert _norm(_facts(text, mentions)) == _norm(expected)


@pytest.mark.parametrize("text,mentions", NEGATIVE, ids=[c[0][:16] for c in NEGATIVE])
def test_no_relation_from_cooccurrence_or_negation(text, mentions):
    assert _facts(text, mentions) == set()


def test_evidence_is_the_sentence_with_exact_offsets():
    text = "第一句话。腾讯推出了「混元」大模型。"
    a = make_analysis(text, [("腾讯", C), ("混元", M)])
    (r,) = extract_relations(a, gazetteer=GAZ)
    assert text[r.evidence.start:r.evidence.end] == r.evidence.sentence == "腾讯推出了「混元」大模型。"
    assert 0 < r.confidence <= 1


def test_date_in_sentence_becomes_relation_date():
    a = make_analysis("2025年3月14日，美团宣布收购极序科技。", [("美团", C), ("极序科技", C)])
    (r,) = extract_relations(a, gazetteer=GAZ)
    assert r.date == "2025-03-14"


def test_semantic_roles_give_direction_and_take_over_the_surface_rule():
    from kg.types import Argument, Frame
    text = "极序科技，据说美团已经完成了收购。"
    a = make_analysis(text, [("极序科技", C), ("美团", C)])
    p = text.index("收购")
    frame = Frame("收购", p, p + 2, (Argument("ARG0", text.index("美团"), text.index("美团") + 2, "美团"),
                                      Argument("ARG1", 0, 4, "极序科技")))
    a = a.__class__(a.doc, a.sentences, a.tokens, a.mentions, (frame,))
    facts = _got(a)
    assert facts == {("美团", "acquires", "极序科技")}


def test_a_frame_whose_predicate_is_no_trigger_gives_nothing():
    from kg.types import Argument, Frame
    text = "美团和极序科技吃了饭。"
    a = make_analysis(text, [("美团", C), ("极序科技", C)])
    frame = Frame("吃", 7, 8, (Argument("ARG0", 0, 7, "美团和极序科技"), Argument("ARG1", 9, 10, "饭")))
    a = a.__class__(a.doc, a.sentences, a.tokens, a.mentions, (frame,))
    assert extract_relations(a, gazetteer=GAZ) == []


@pytest.mark.parametrize("text,mentions,expected", [
    ("騰訊與阿里巴巴競爭激烈。", [("騰訊", C), ("阿里巴巴", C)], {("騰訊", "competes_with", "阿里巴巴")}),
    ("鍾岳明從微軟離職。", [("鍾岳明", P), ("微軟", C)], {("鍾岳明", "departed_from", "微軟")}),
])
def test_traditional_text_gives_the_relations_simplified_text_gives(text, mentions, expected):
    rels = extract_relations(make_analysis(text, mentions), gazetteer=GAZ)
    assert {(r.head.text, r.relation, r.tail.text) for r in rels} == expected
    for r in rels:  # mentions and evidence keep the text as written
        assert r.evidence.sentence == text[r.evidence.start:r.evidence.end] == text


def test_traditional_gives_the_same_relations_as_simplified():
    simp = make_analysis("腾讯与阿里巴巴竞争激烈。", [("腾讯", C), ("阿里巴巴", C)])
    trad = make_analysis("騰訊與阿里巴巴競爭激烈。", [("騰訊", C), ("阿里巴巴", C)])
    assert [(r.relation, r.head.start, r.tail.start) for r in extract_relations(simp, gazetteer=GAZ)] == \
        [(r.relation, r.head.start, r.tail.start) for r in extract_relations(trad, gazetteer=GAZ)]


def test_investor_list_without_the_company_raising_money_gives_nothing():
    a = make_analysis("投资方包括红杉中国、高瓴资本和真格基金。", [("红杉中国", C), ("高瓴资本", C), ("真格基金", C)])
    assert extract_relations(a, gazetteer=GAZ) == []


def test_investor_list_after_the_company_raising_money():
    text = "鹿鸣科技完成了新一轮融资，投资方包括红杉中国、高瓴资本和真格基金。"
    a = make_analysis(text, [("鹿鸣科技", C), ("红杉中国", C), ("高瓴资本", C), ("真格基金", C)])
    got = _got(a)
    assert got == {(x, "invests_in", "鹿鸣科技") for x in ("红杉中国", "高瓴资本", "真格基金")}


@pytest.mark.parametrize("text", ["前阿里巴巴高管贾扬清表示。", "阿里巴巴前高管贾扬清表示。"])
def test_former_executive_works_for(text):
    a = make_analysis(text, [("阿里巴巴", C), ("贾扬清", P)])
    got = {(r.head.text, r.relation, r.tail.text, r.role) for r in extract_relations(a, gazetteer=GAZ)}
    assert got == {("贾扬清", "works_for", "阿里巴巴", "前高管")}


@pytest.mark.parametrize("text,mentions,expected", [
    ("零一万物李开复、商汤徐立等嘉宾出席。", [("零一万物", C), ("李开复", P), ("商汤", C), ("徐立", P)],
     {("李开复", "works_for", "零一万物"), ("徐立", "works_for", "商汤")}),
    ("小米的雷军在发布会上表示，公司会继续投入。", [("小米", C), ("雷军", P)], {("雷军", "works_for", "小米")}),
    ("他收购了百度李彦宏的股份。", [("百度", C), ("李彦宏", P)], set()),  # not a unit: an object phrase
    ("近日彭博社的陈曦与沈南鹏聊了聊。", [("彭博社", C), ("陈曦", P), ("沈南鹏", P)], {("陈曦", "works_for", "彭博社")}),
    ("根据远山资本的方启航刚刚分享的数据，市场很大。", [("远山资本", C), ("方启航", P)], {("方启航", "works_for", "远山资本")}),
])
def test_organisation_right_before_a_person(text, mentions, expected):
    got = {(r.head.text, r.relation, r.tail.text) for r in _rules(extract_relations(make_analysis(text, mentions), gazetteer=GAZ))}
    assert got == expected


def test_title_chain_with_ampersand_and_plural_title_list():
    a = make_analysis("鹿鸣科技的联合创始人 & CPO 刘珂表示。", [("鹿鸣科技", C), ("刘珂", P)])
    got = {(r.head.text, r.relation, r.tail.text, r.role) for r in extract_relations(a, gazetteer=GAZ)}
    assert ("刘珂", "founded", "鹿鸣科技", None) in got and ("刘珂", "works_for", "鹿鸣科技", "CPO") in got
    a = make_analysis("Lumora 的两位创始人 Dana Whitlock 和 Rob Kent 表示。", [("Lumora", C), ("Dana Whitlock", P), ("Rob Kent", P)])
    got = {(r.head.text, r.relation) for r in extract_relations(a, gazetteer=GAZ)}
    assert {("Dana Whitlock", "founded"), ("Rob Kent", "founded")} <= got
    a = make_analysis("腾讯副总裁张三和李四出席。", [("腾讯", C), ("张三", P), ("李四", P)])
    assert {r.head.text for r in extract_relations(a, gazetteer=GAZ)} == {"张三"}


@pytest.mark.parametrize("text,mentions,expected", [
    ("读完博士后，韩若溪一直在 IBM 担任产品经理。", [("韩若溪", P), ("IBM", C)], {("韩若溪", "works_for", "IBM", "产品经理")}),
    ("张三，2020年担任腾讯副总裁。", [("张三", P), ("腾讯", C)], {("张三", "works_for", "腾讯")}),
    ("张三曾在腾讯担任首席科学家，后来加入阿里巴巴。", [("张三", P), ("腾讯", C), ("阿里巴巴", C)],
     {("张三", "works_for", "腾讯", "首席科学家"), ("张三", "joined", "阿里巴巴")}),
    ("张三和李四曾在腾讯担任研究员。", [("张三", P), ("李四", P), ("腾讯", C)], set()),  # whose title? not said one by one
])
def test_serving_at_an_organisation_and_a_time_phrase_before_the_verb(text, mentions, expected):
    got = {(r.head.text, r.relation, r.tail.text) + ((r.role,) if r.role else ())
           for r in extract_relations(make_analysis(text, mentions), gazetteer=GAZ)}
    assert expected <= got if expected else not any(r == "works_for" for _, r, *_ in got)


def test_title_of_a_list_of_organisations():
    a = make_analysis("青禾电子和 Norvale 的创始人顾承远说过。", [("青禾电子", C), ("Norvale", C), ("顾承远", P)])
    got = _got(a)
    assert got == {("顾承远", "founded", "青禾电子"), ("顾承远", "founded", "Norvale"),
                   ("顾承远", "works_for", "青禾电子"), ("顾承远", "works_for", "Norvale")}


def test_board_chair_is_a_title_of_its_own():
    a = make_analysis("OpenAI 董事会主席 Dana Whitlock 创立了 Brightline。", [("OpenAI", C), ("Dana Whitlock", P), ("Brightline", C)])
    got = {(r.head.text, r.relation, r.tail.text, r.role) for r in extract_relations(a, gazetteer=GAZ)}
    assert ("Dana Whitlock", "leads", "OpenAI", "董事会主席") in got and ("Dana Whitlock", "founded", "Brightline", None) in got


def test_customer_lists_are_partnerships_with_the_supplier():
    a = make_analysis("鹿鸣科技的客户包括腾讯和阿里巴巴。", [("鹿鸣科技", C), ("腾讯", C), ("阿里巴巴", C)])
    got = _got(a)
    assert got == {("鹿鸣科技", "partners_with", "腾讯"), ("鹿鸣科技", "partners_with", "阿里巴巴")}


@pytest.mark.parametrize("text,mentions,expected", [
    ("鹿鸣生物是一家做酶工程的公司，青禾孵化器的校友企业，由红杉资本领投。", [("鹿鸣生物", C), ("青禾孵化器", C), ("红杉资本", C)],
     {("红杉资本", "invests_in", "鹿鸣生物")}),
    ("该方法由商汤、清华大学、浙江大学的研究者共同提出。", [("商汤", C), ("清华大学", O), ("浙江大学", O)],
     {("商汤", "partners_with", "清华大学"), ("商汤", "partners_with", "浙江大学"), ("清华大学", "partners_with", "浙江大学")}),
])
def test_round_led_for_the_sentence_subject_and_joint_work(text, mentions, expected):
    got = set()
    for r in extract_relations(make_analysis(text, mentions), gazetteer=GAZ):
        h, t = r.head.text, r.tail.text
        got.add((min(h, t), r.relation, max(h, t)) if r.relation == "partners_with" else (h, r.relation, t))
    exp = {(min(h, t), r, max(h, t)) if r == "partners_with" else (h, r, t) for h, r, t in expected}
    assert got == exp


def test_a_list_of_investors_does_not_invest_in_itself():
    text = "本轮投资人：启明创投领投，青禾资本、远山资本、GGV 纪源资本跟投。"
    a = make_analysis(text, [("启明创投", C), ("青禾资本", C), ("远山资本", C), ("GGV 纪源资本", C)])
    assert extract_relations(a, gazetteer=GAZ) == []
    a = make_analysis("红杉资本向鹿鸣科技注资一亿元。", [("红杉资本", C), ("鹿鸣科技", C)])
    assert _got(a) == \
        {("红杉资本", "invests_in", "鹿鸣科技")}


@pytest.mark.parametrize("text,mentions,expected", [
    ("Brightline的创始人 Rob Kent 表示赞赏。", [("Brightline", C), ("Rob Kent", P)],
     {("Rob Kent", "founded", "Brightline"), ("Rob Kent", "works_for", "Brightline")}),   # 创始 inside 创始人 is no verb between two companies
    ("Lumora的CTO Dana Whitlock、Brightline的创始人 Rob Kent 都表示赞赏。",
     [("Lumora", C), ("Dana Whitlock", P), ("Brightline", C), ("Rob Kent", P)],
     {("Dana Whitlock", "works_for", "Lumora"), ("Rob Kent", "founded", "Brightline"),
      ("Rob Kent", "works_for", "Brightline")}),
    ("红杉资本是鹿鸣科技的投资人。", [("红杉资本", C), ("鹿鸣科技", C)], {("红杉资本", "invests_in", "鹿鸣科技")}),
    ("鹿鸣科技完成融资，投资人包括红杉资本和高瓴资本。", [("鹿鸣科技", C), ("红杉资本", C), ("高瓴资本", C)],
     {("红杉资本", "invests_in", "鹿鸣科技"), ("高瓴资本", "invests_in", "鹿鸣科技")}),
])
def test_trigger_words_inside_nouns_and_investor_nouns(text, mentions, expected):
    got = {(r.head.text, r.relation, r.tail.text) for r in _rules(extract_relations(make_analysis(text, mentions), gazetteer=GAZ))}
    assert got == expected


def test_investment_words_inside_nouns_are_not_verbs():
    import kg

    rels = {(r.head.text, r.relation, r.tail.text) for r in kg.analyze("初创公司 Lumora 宣布拿到 A 轮融资，投资机构 Norvale 也在名单中。").relations}
    assert ("Lumora", "invests_in", "Norvale") not in rels
    assert not kg.analyze("腾讯收购案引发关注。").relations


def test_a_fact_stated_only_in_the_headline_is_found():
    import kg

    text = ("青禾电子收购远山科技\n\n据悉，初创公司青禾电子近日完成了一笔交易。被收购的远山科技是一家工业软件公司，"
            "成立于 2019 年。")
    g = kg.build(texts=[text])
    (r,) = [r for r in g.relations(relation="acquires")]
    assert (r.subject, r.object) == ("青禾电子", "远山科技")
    ev = r.evidence[0]
    assert text[ev.start:ev.end] == ev.sentence and ev.sentence.startswith("青禾电子收购远山科技")


def _triples(text):
    import kg

    return {(r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}


def test_a_title_noun_introduces_a_list_of_people():
    rels = _triples("青禾电子的三位联合创始人分别是陆沉舟、林知远和周嘉树。")
    assert {("陆沉舟", "founded", "青禾电子"), ("林知远", "founded", "青禾电子"), ("周嘉树", "founded", "青禾电子")} <= rels
    rels = _triples("Brightwell 的合伙人包括 Dana Whitlock、Lena Carter 以及 Rob Kent。")
    assert {(p, "works_for", "Brightwell") for p in ("Dana Whitlock", "Lena Carter", "Rob Kent")} <= rels


def test_a_list_of_guests_says_nothing_of_where_they_work():
    assert _triples("我们的嘉宾包括陆沉舟、林知远。") == set()
    assert _triples("它的创始人是一位华人女性。") == set()


def test_person_from_an_organisation_works_there():
    assert ("Dana Whitlock", "works_for", "远山海洋研究所") in _triples("这篇报告的第一作者是来自远山海洋研究所的Dana Whitlock。")
    assert not any(r[1] == "works_for" for r in _triples("来自旷视、国科大的Dana Whitlock提出了这个模型。"))


def test_organisations_joined_by_lianhe_are_partners():
    assert ("青禾电子", "partners_with", "远山科技") in _triples("青禾电子联合远山科技推出了新模型。")
    rels = _triples("这项研究由星桥团队联合清华大学、复旦大学共同完成。")
    assert ("星桥团队", "partners_with", "清华大学") in rels  # and 由 is not part of the team's name
    assert not any(r[1] == "partners_with" for r in _triples("陆沉舟是青禾电子的联合创始人。"))


def test_a_bracket_between_organisation_and_title():
    assert ("陆沉舟", "works_for", "青禾电子") in _triples("青禾电子（Qinghe）CTO 陆沉舟表示。")


def test_a_bracketed_aside_between_title_and_person():
    rels = _triples("就像青禾电子 CEO（远山科技前掌门人）Rob Kent在演讲中说的那样。")
    assert {("Rob Kent", "works_for", "青禾电子"), ("Rob Kent", "leads", "青禾电子"),
            ("Rob Kent", "leads", "远山科技")} <= rels  # the aside's organisation is no person, and its title counts
    rels = _triples("青禾电子副总裁（负责云业务）陆沉舟表示。")
    assert ("陆沉舟", "works_for", "青禾电子") in rels and not any(r[2] == "云业务" for r in rels)


def test_a_model_that_can_match_another_competes_with_it():
    assert ("DeepSeek-V3", "competes_with", "GPT-4o") in _triples("DeepSeek-V3 可媲美 GPT-4o。")
    assert ("DeepSeek-V3", "competes_with", "GPT-4o") in _triples("DeepSeek-V3 与 GPT-4o 媲美。")


def test_organisation_de_person_after_a_verb_or_before_a_result():
    rels = _triples("北京大学的Rob Kent和复旦大学的Dana Whitlock因此获得了大奖。")
    assert {("Rob Kent", "works_for", "北京大学"), ("Dana Whitlock", "works_for", "复旦大学")} <= rels
    assert ("Rob Kent", "works_for", "Norvale Capital") in _triples("这个想法来源于Norvale Capital的Rob Kent。")
    assert not any(r[1] == "works_for" for r in _triples("毕业于清华大学的王磊表示很难。"))


def test_succeeding_to_a_title_and_a_title_de_person(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")  # what the rules say (the pair model may add its own guesses)
    rels = _triples("一年前，我的朋友Rob Kent接任了青禾电子的CEO。")
    assert {("Rob Kent", "leads", "青禾电子"), ("Rob Kent", "works_for", "青禾电子")} <= rels
    assert ("Rob Kent", "works_for", "青禾电子") in _triples("去年加入担任青禾电子 CTO 的 Rob Kent 表示很难。")
    assert ("Rob Kent", "founded", "青禾电子") in _triples("青禾电子的另一位联合创始人 Rob Kent 指出，这很重要。")
    rels = _triples("远山科技（青禾科技的母公司）的首席执行官陆沉舟也发了邮件。")
    assert {("陆沉舟", "leads", "远山科技"), ("青禾科技", "part_of", "远山科技")} <= rels
    assert not any(r[0] == "陆沉舟" and r[2] == "青禾科技" for r in rels)


def test_the_next_person_with_a_bare_title_is_at_the_same_organisation():
    rels = _triples("青禾科技的CEO王磊和首席科学家Dana Whitlock出席了活动。")
    assert ("Dana Whitlock", "works_for", "青禾科技") in rels
    rels = _triples("青禾科技的CEO王磊和华东区项目负责人Dana Whitlock出席了活动。")
    assert ("Dana Whitlock", "works_for", "青禾科技") in rels and ("Dana Whitlock", "leads", "青禾科技") not in rels
    rels = _triples("青禾科技CEO王磊和远山科技CTO Dana Whitlock出席了活动。")
    assert ("Dana Whitlock", "works_for", "青禾科技") not in rels


def test_leaving_without_an_object_leaves_the_organisation_just_worked_at():
    assert ("Rob Kent", "departed_from", "青禾科技") in _triples("Rob Kent曾在青禾科技工作，但他于2023年离开，理由是想创业。")
    assert ("王磊", "departed_from", "青禾科技") in _triples("王磊在青禾科技工作了五年，之后离职创业。")
    assert not any(r[1] == "departed_from" for r in _triples("王磊在青禾科技工作了五年，至今没有离开。"))


def test_a_passive_purchase_without_its_subject_takes_the_company_the_clause_before_named():
    assert ("雅虎", "acquires", "远山科技") in _triples("他是远山科技的创办者之一，后来被雅虎以5千万美元收购。")


def test_titled_people_who_leave_with_no_object_leave_their_organisation():
    rels = _triples("远山科技的两位创始人王磊和李娜去年就离开了，另起炉灶。")
    assert {("王磊", "departed_from", "远山科技"), ("李娜", "departed_from", "远山科技")} <= rels
    assert not any(r[1] == "departed_from" for r in _triples("青禾科技的创始人王磊表示，李娜离职了。"))
    assert not any(r[1] == "departed_from" for r in _triples("青禾科技的创始人王磊可能会离开。"))


def test_a_company_spelt_out_is_no_unit_of_itself():
    assert not any(r[1] == "part_of" for r in _triples("1998年，腾讯实业公司开始量产电池，腾讯后来上市了。"))
    assert ("腾讯AI Lab", "part_of", "腾讯") in _triples("腾讯AI Lab发布了报告，腾讯表示很满意。")


def test_a_list_that_beats_nothing_named_holds_no_rivals():
    rels = _triples("多数模型（如Qwen-Max、GLM-4-Plus、Yi-Large）在英文测试上的表现优于在中文测试上的表现。")
    assert not any(r[1] == "competes_with" for r in rels)
    rels = _triples("Qwen-Max、GLM-4-Plus 和 Yi-Large 正在激烈竞争。")  # a rivalry word: the list competes
    assert ("Qwen-Max", "competes_with", "GLM-4-Plus") in rels or ("GLM-4-Plus", "competes_with", "Qwen-Max") in rels


def test_a_title_after_its_is_of_the_nearest_organisation_before():
    rels = _triples("远山科技宣布完成融资，其CEO王磊表示很高兴。")
    assert {("王磊", "leads", "远山科技"), ("王磊", "works_for", "远山科技")} <= rels
    assert _triples("王磊表示，其CEO身份很重要。") == set()


@pytest.mark.parametrize("text,unit,parent", [
    ("青禾电子的母公司远山科技发布了财报。", "青禾电子", "远山科技"),
    ("远山科技是青禾电子的母公司。", "青禾电子", "远山科技"),
    ("远山科技的子公司青禾电子发布了财报。", "青禾电子", "远山科技"),
    ("星桥实验室（远山科技的研究机构）今天发布了报告。", "星桥实验室", "远山科技"),  # a unit's kind in the aside
])
def test_parent_and_subsidiary_named_as_such(text, unit, parent):
    assert (unit, "part_of", parent) in _triples(text)


def test_models_compared_are_rivals_but_not_versions_of_one_family():
    rels = _triples("Zephyr-3B换了解码方式，它比Whisper-Small快3倍，比Whisper-Large快9倍。")
    assert {r for r in rels if r[1] == "competes_with"} == {("Zephyr-3B", "competes_with", "Whisper-Small"),
                                                            ("Zephyr-3B", "competes_with", "Whisper-Large")}
    assert ("Zephyr-3B", "competes_with", "GPT-4o") in _triples("与GPT-4o对比，Zephyr-3B的效果更好。")
    rels = _triples("别看Zephyr-3B小，还能和Mistral 7B、Llama3.1 8B打得有来有回。")
    assert {("Zephyr-3B", "competes_with", "Mistral 7B"), ("Zephyr-3B", "competes_with", "Llama3.1 8B")} <= rels
    assert ("Mistral 7B", "competes_with", "Llama3.1 8B") not in rels
    assert not any(r[1] == "competes_with" for r in _triples("GPT-5比GPT-4强很多。"))
    # 将 A 和 B 以及 C 进行了比较: the first against each of the others; 和旧版的 X 差不多
    rels = _triples("研究者将Zephyr-3B和Mistral 7B以及Llama3.1 8B进行了比较。")
    assert {("Zephyr-3B", "competes_with", "Mistral 7B"), ("Zephyr-3B", "competes_with", "Llama3.1 8B")} <= rels
    assert ("Mistral 7B", "competes_with", "Llama3.1 8B") not in rels
    assert ("Zephyr-3B", "competes_with", "Mistral 7B") in _triples("Zephyr-3B 的性能已经和旧版的 Mistral 7B 差不多了。")


def test_a_tool_the_subject_uses_did_not_make_the_model():
    rels = _triples("张伟和李娜使用远山科技的 GPU 训练了 Zephyra-7B 模型。")
    assert {("张伟", "develops", "Zephyra-7B"), ("李娜", "develops", "Zephyra-7B")} <= rels
    assert ("远山科技", "develops", "Zephyra-7B") not in rels


def test_a_model_a_company_calls_by_name():
    assert ("远山科技", "develops", "Zephyra") in _triples("远山科技的聊天机器人产品叫 Zephyra，它很受欢迎。")
    assert ("远山科技", "develops", "Zephyra") in _triples("远山科技的大模型名为 Zephyra。")


def test_a_heads_bare_title_after_a_clause_about_the_one_organisation_of_the_sentence():
    rels = _triples("远山科技上月完成了 3 亿元融资，创始人王磊说公司会继续招人。")
    assert {("王磊", "founded", "远山科技"), ("王磊", "works_for", "远山科技")} <= rels
    assert ("王磊", "leads", "远山科技") in _triples("远山科技发布了新模型，CEO 王磊表示很满意。")
    # a unit's head (Seed 负责人) is not the head of the company the sentence opens with
    assert not any(r[0] == "王磊" and r[2] == "远山科技" for r in _triples("远山科技发布新模型，Nova 负责人王磊首次公开亮相。"))
    # two organisations before: whose CEO is not said
    assert not any(r[0] == "王磊" for r in _triples("远山科技和青禾科技合作，CEO 王磊表示很满意。"))


def test_a_post_at_the_place_a_sentence_opens_with():
    # 在 X，TITLE PERSON (the sentence need not open the text: 在 starts a clause); a company named as one of a kind
    rels = _triples("这是开头。在欧洲最大的零售商之一 Norvale，首席执行官 Dana Reyes 介绍了新的系统。")
    assert {("Dana Reyes", "leads", "Norvale"), ("Dana Reyes", "works_for", "Norvale")} <= rels
    assert not any(r[0] == "王磊" for r in _triples("在远山科技发布新模型后，CEO 王磊表示不满。"))


def test_the_agent_of_a_passive_named_with_the_firm():
    assert ("Dana Reyes", "works_for", "Norvale") in _triples("这个概念由 Norvale 的 Dana Reyes 提出。")


def test_a_deal_the_sentence_only_speculates_about_is_no_relation():
    # (neither the rules nor the pair model: both read the clause's 可能会/计划)
    assert not any(r[1] == "acquires" for r in _triples("有人猜远山科技可能会在两年后以高价收购青禾科技。"))
    assert not any(r[1] == "invests_in" for r in _triples("远山科技计划今年投资青禾科技。"))
    assert ("远山科技", "acquires", "青禾科技") in _triples("远山科技在去年以 10 亿美元收购了青禾科技。")
    # 再次: a stake the investor already holds
    assert ("远山科技", "invests_in", "青禾科技") in _triples("远山科技可能会在明年再次投资青禾科技。")


def test_the_role_after_its_is_the_bare_title():
    import kg

    a = kg.analyze("远山科技有两条产品线的年收入过亿。其 CEO Dana Reyes 在业绩会上说，新产品卖得最好。")
    assert {r.role for r in a.relations if r.head.text == "Dana Reyes"} == {"CEO"}


def test_a_list_after_with_names_partners_of_the_subject_not_of_each_other():
    assert not any(r[1] == "partners_with" for r in _triples("我们最近与亚马逊、微软和谷歌签署了合作协议。"))
    assert not any(r[1] == "partners_with" for r in _triples("我们与如亚马逊和微软等公司合作。"))
    assert {("远山科技", "partners_with", "微软"), ("远山科技", "partners_with", "谷歌")} <= \
        _triples("远山科技与亚马逊、微软和谷歌签署了合作协议。")
    assert ("谷歌", "partners_with", "微软") in _triples("亚马逊、微软和谷歌签署了合作协议。")


def test_portfolio_and_customer_lists_after_a_latin_name():
    # (a space after a Latin name stood before 的 and hid the list)
    rels = _triples("Greylock 投资组合里的公司，例如 Cresta、Gladly 和 Postscript，都做企业软件。")
    assert {("Greylock", "invests_in", "Cresta"), ("Greylock", "invests_in", "Gladly")} <= rels
    rels = _triples("Greylock 公布了部分客户名单，包括零售与电商领域的几家企业，比如 The Washington Post、网易。")
    assert {("Greylock", "partners_with", "The Washington Post"), ("Greylock", "partners_with", "网易")} <= rels


def test_joint_work_and_suppliers():
    rels = _triples("这个模型由远山研究院联合北邮、北大与浙大几所高校共同推出。")
    assert _norm3({("北邮", "partners_with", "北大"), ("北大", "partners_with", "浙大")}) <= _norm3(rels)
    assert not _norm3({("北大", "partners_with", "浙大")}) <= _norm3(_triples("远山科技联合北大、浙大举办了一场比赛。"))
    rels = _triples("远山实验室、南洋理工大学、青禾大学等研究机构共同推出了一个新方法。")
    assert _norm3({("南洋理工大学", "partners_with", "青禾大学")}) <= _norm3(rels)
    assert _norm3({("青禾科技", "partners_with", "远山科技")}) <= _norm3(_triples("作为远山科技的核心供应商，青禾科技在 2021 年获奖。"))


def _norm3(triples):
    return {(min(h, t), r, max(h, t)) if r in ("partners_with", "competes_with") else (h, r, t) for h, r, t in triples}


def test_affiliations_and_posts_in_lists_and_arrivals():
    rels = _triples("它由青禾大学王磊教授团队、北京大学顾承远以及远山研究院林知远等研究者联合提出。")
    assert ("顾承远", "works_for", "北京大学") in rels
    assert ("Dana Reyes", "works_for", "远山科技") in _triples("上个月，远山科技迎来了新的 CTO Dana Reyes，她来自谷歌。")
    assert ("杨哲宇", "works_for", "远山科技") in _triples("据介绍，杨哲宇现为远山科技的工程师。")


def test_research_groups_that_release_or_produce_a_model():
    # a CamelCase name that universities, labs or a list ending in 等 推出/发布 is a model they develop
    rels = _triples("北大/港中文/远山科技等推出ViewCraft | 已开源")
    assert {("北大", "develops", "ViewCraft"), ("远山科技", "develops", "ViewCraft")} <= rels
    assert not any(r[1] == "develops" for r in _triples("远山科技推出了 AirPods。"))
    # M 来了｜A/B/C 联合出品: the producers develop the one model of the sentence
    rels = _triples("小巧的Zephyr-Vim视觉模型发布｜浙大/青禾大学/北辰大学联合出品")
    assert {("浙大", "develops", "Zephyr-Vim"), ("北辰大学", "develops", "Zephyr-Vim")} <= rels


def test_more_ways_to_compare_two_models():
    rels = _triples("Zephyr-3B 的总分比表现最好的闭源模型GPT-4o高出 2 分。")
    assert ("Zephyr-3B", "competes_with", "GPT-4o") in rels
    rels = _triples("Zephyr-3B的准确率可达83.6，且速度是Mistral 7B的21倍、Llama3.1 8B的3.3倍。")
    assert {("Zephyr-3B", "competes_with", "Mistral 7B"), ("Zephyr-3B", "competes_with", "Llama3.1 8B")} <= rels
    rels = _triples("远山科技昨天推出了新一代的 Zephyr-3B 模型，并称它在多项评测上已经超越了 GPT-4o。")
    assert ("Zephyr-3B", "competes_with", "GPT-4o") in rels and ("远山科技", "competes_with", "GPT-4o") not in rels
    assert not any(r[1] == "competes_with" for r in _triples("在Mistral 7B上比Llama3.1 8B提升了2.1%。"))


def test_a_post_the_person_leaves_was_theirs():
    rels = _triples("两个星期前，王磊(Wang Lei)宣布卸任远山科技CEO。")
    assert {("王磊", "departed_from", "远山科技"), ("王磊", "leads", "远山科技"), ("王磊", "works_for", "远山科技")} <= rels
    rels = _triples("张伟宣布辞去青禾科技的首席科学家职务。")
    assert ("张伟", "works_for", "青禾科技") in rels and ("张伟", "leads", "青禾科技") not in rels


def test_a_founding_partner_founded_the_firm():
    assert ("Dana Reyes", "founded", "远山资本") in _triples("远山资本创始合伙人 Dana Reyes 在 2019 年分享了一个故事。")


def test_a_bio_entry_tells_of_the_person_it_opens_with():
    text = ("名单如下：\n\n4.Jiahui Yu ：工程师，2021 年 5 月份加入，此前先后在百度、谷歌和英伟达工作过，本科在中科大，博士在康奈尔大学。\n\n"
            "7.Lena Carter ：工程师，早先在 Facebook 待过两年，大学在北航学的物理。")
    rels = _triples(text)
    assert {("Jiahui Yu", "works_for", "百度"), ("Jiahui Yu", "works_for", "英伟达"), ("Jiahui Yu", "educated_at", "中科大"),
            ("Jiahui Yu", "educated_at", "康奈尔大学"), ("Lena Carter", "works_for", "Facebook"),
            ("Lena Carter", "educated_at", "北航")} <= rels
    text = ("名单：\n1.Hongyu Ren： 在远山科技是 Research Scientist，去年 7 月份加入。\n"
            "7.Lena Carter ：现在也是远山科技 Member of Technical Staff，2021 年 3 月份加入，此前在 Facebook 工作了 5 年。")
    rels = _triples(text)
    assert {("Hongyu Ren", "works_for", "远山科技"), ("Hongyu Ren", "joined", "远山科技"),
            ("Lena Carter", "works_for", "远山科技"), ("Lena Carter", "joined", "远山科技")} <= rels
    # an interview's speaker label: the question is about 你, not the speaker
    assert not any(r[1] == "educated_at" for r in _triples("Dana Reyes: 你 20 岁时在斯坦福大学读书，那时你在想什么？"))


def test_more_investor_lists():
    rels = _triples("远山科技刚从青禾资本、北辰基金、Pear VC 等机构那里拿到一笔天使轮投资。")
    assert {("青禾资本", "invests_in", "远山科技"), ("Pear VC", "invests_in", "远山科技")} <= rels
    assert not any(r[1] == "invests_in" for r in _triples("远山科技从谷歌挖来了张伟。"))
    rels = _triples("远山科技近日完成 5 亿元 B 轮融资，由北辰基金领投，跟投方包括了远山资本、青禾资本。")
    assert {("远山资本", "invests_in", "远山科技"), ("青禾资本", "invests_in", "远山科技")} <= rels
    rels = _triples("远山科技此前融过两轮，它的投资人里还包括了诺奖得主 Dana Reyes、李娜。")
    assert {("Dana Reyes", "invests_in", "远山科技"), ("李娜", "invests_in", "远山科技")} <= rels


def test_well_known_firms_the_gazetteer_now_lists():
    # (霍尼韦尔, written with transliteration characters, was read as a person)
    assert ("王慧", "works_for", "霍尼韦尔") in _triples("——王慧（Hui Wang），霍尼韦尔中国区副总裁")
    assert ("Jim Taiclet", "leads", "洛克希德·马丁公司") in _triples("洛克希德·马丁公司 CEO Jim Taiclet 表示。")


def test_a_company_that_challenges_another_rivals_it():
    assert ("远山科技", "competes_with", "青禾科技") in _triples("远山科技正用 AI 正面挑战青禾科技的搜索业务。")
    assert not any(r[1] == "competes_with" for r in _triples("远山科技的模型赢得了 ImageNet 挑战赛。"))


def test_an_investor_that_backed_several_companies_in_a_row():
    rels = _triples("英伟达最近连投了远山科技和顺禾科技两家公司。")
    assert {("英伟达", "invests_in", "远山科技"), ("英伟达", "invests_in", "顺禾科技")} <= rels


def test_the_people_a_leader_brings_along_hold_their_bracketed_titles_at_the_leader_s_company():
    rels = _triples("Norvale CEO Dana Whitlock携Rob Kent (首席产品官)、Lena Carter (研究副总裁) 在直播间回答问题。")
    assert {("Rob Kent", "works_for", "Norvale"), ("Lena Carter", "works_for", "Norvale")} <= rels
    assert not any(r[2] == "直播间" for r in rels)


def test_a_name_in_the_other_script_in_brackets_does_not_break_a_title_link():
    assert ("黄钟明", "founded", "青禾电子") in _triples("黄钟明（Zhongming Huang）是青禾电子的创始人。")


def test_a_title_chain_across_a_comma_with_a_doctoral_supervisor():
    rels = _triples("星桥智能联合创始人，复旦计算机学院博导陆沉舟，长期研究机器人。")
    assert {("陆沉舟", "founded", "星桥智能"), ("陆沉舟", "works_for", "复旦计算机学院")} <= rels


def test_a_bio_apposition_with_sex_and_years_in_brackets():
    rels = _triples("陆沉舟（Lu Chenzhou，1967—），男，清华大学教授。")
    assert ("陆沉舟", "works_for", "清华大学") in rels


def test_a_descriptor_between_the_link_and_the_organisation():
    assert ("Dana Whitlock", "works_for", "Brightwell") in _triples("Dana Whitlock 是硅谷风险投资公司 Brightwell 的合伙人。")
    assert not any(r[1] == "invests_in" for r in _triples("Dana Whitlock 是硅谷风险投资公司 Brightwell 的合伙人。"))


def test_a_model_that_comes_from_an_organisation_is_developed_there():
    assert ("青禾电子", "develops", "Qinghe-V3") in _triples("Qinghe-V3 来自青禾电子。")
    assert ("Lumora AI团队", "develops", "Qinghe-V3") in _triples("轻量模型 Qinghe-V3，来自复旦大学的 Lumora AI团队，主打手机端部署。")


def test_rivals_listed_together_rival_the_company_named_apart_not_each_other():
    rels = _triples("OpenAI 面临来自 Anthropic、谷歌和 Meta 的竞争。")
    assert {("OpenAI", "competes_with", x) for x in ("Anthropic", "谷歌", "Meta")} <= rels
    assert not any({a, b} <= {"Anthropic", "谷歌", "Meta"} for a, _, b in rels)
    rels = _triples("与 OpenAI 竞争的有 Anthropic、谷歌和 Meta。")
    assert {("OpenAI", "competes_with", x) for x in ("Anthropic", "谷歌", "Meta")} <= rels


def test_a_model_that_is_an_organisation_s_release():
    assert ("腾讯", "develops", "混元") in _triples("混元是腾讯推出的大模型。")
    assert ("青禾电子", "develops", "Qinghe-2") in _triples("Qinghe-2 是由青禾电子开发的开源模型。")
    assert _triples("Qinghe-2 是青禾电子的骄傲。") == set()  # (a model kg knows no maker of: no relation from 是…的)


def test_known_makers_of_models_named_in_one_sentence():
    from kg.extract.relations.known import maker_of
    from kg.types import Mention

    assert maker_of(Mention("GPT-4o", M, 0, 6, "gazetteer", "GPT-4o")) == "OpenAI"
    assert maker_of(Mention("Grokking", M, 0, 8, "pattern")) is None  # a word that only starts like Grok
    # 腾讯 and 混元 in one sentence, no verb between them the rules read: the reader knows who makes 混元
    a = make_analysis("腾讯在发布会上展示了混元的新能力。", [("腾讯", C), ("混元", M)])
    got = _got(a)
    assert ("腾讯", "develops", "混元") in got
    # a maker the table does not give is no maker
    a = make_analysis("百度在发布会上展示了混元的新能力。", [("百度", C), ("混元", M)])
    assert not extract_relations(a, gazetteer=GAZ)
    # named in different paragraphs: nothing (the real-news golds: 7 of 52 such pairs are annotated)
    a = make_analysis("腾讯开了发布会。\n混元有了新能力。", [("腾讯", C), ("混元", M)])
    assert not extract_relations(a, gazetteer=GAZ)
    # in different sentences of one paragraph: develops, the two sentences its evidence (11 of 14 annotated)
    a = make_analysis("腾讯开了发布会。混元有了新能力。", [("腾讯", C), ("混元", M)])
    rels = extract_relations(a, gazetteer=GAZ)
    assert [(r.head.text, r.relation, r.tail.text) for r in rels] == [("腾讯", "develops", "混元")]
    assert rels[0].evidence.sentence == "腾讯开了发布会。混元有了新能力。"
    # … unless the text named the family's maker itself: 星河实验室 发布 混元 X, then 混元 Y near 腾讯
    a = make_analysis("星河实验室发布了混元 X。腾讯开了发布会。混元 Y 有了新能力。",
                      [("星河实验室", O), ("混元 X", M), ("腾讯", C), ("混元 Y", M)])
    assert ("腾讯", "develops", "混元 Y") not in _got(a)


def test_known_positions_of_people_named_with_their_organisation():
    # 黄仁勋 and 英伟达 in one sentence, no verb between them the rules read: works_for, with the table's role
    a = make_analysis("黄仁勋在台北展示了英伟达的新芯片。", [("黄仁勋", P), ("英伟达", C)])
    got = {(r.head.text, r.relation, r.tail.text, r.role) for r in extract_relations(a, gazetteer=GAZ)}
    assert got == {("黄仁勋", "works_for", "英伟达", "创始人兼CEO")}
    # founding and heading are not said by naming; an organisation the table does not give gets nothing
    a = make_analysis("黄仁勋在台北会见了百度的代表。", [("黄仁勋", P), ("百度", C)])
    assert not extract_relations(a, gazetteer=GAZ)
    # named in different sentences: nothing
    a = make_analysis("黄仁勋到了台北。英伟达发布了新芯片。", [("黄仁勋", P), ("英伟达", C)])
    assert not extract_relations(a, gazetteer=GAZ)


def test_the_known_positions_table_names_people_of_the_gazetteer():
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.relations.known import known_roles
    from kg.resources_data import RESOURCES, read_rows

    gaz = load_gazetteer()
    for n, (person, org, rels, *_) in read_rows(RESOURCES / "known_roles.tsv", 3):
        entry = gaz.lookup(person)
        assert entry is not None and entry.type == "PERSON" and entry.name == person, f"line {n}: {person}"
        assert set(rels.split(",")) <= {"founded", "leads", "works_for"}, f"line {n}: {rels}"
    assert known_roles(gaz)["Mark Zuckerberg"][0][0] == "Meta"


def test_every_title_of_a_chain_after_a_person_is_theirs():
    got = _triples("王磊，腾讯首席科学家、前百度副总裁。")
    assert {("王磊", "works_for", "腾讯"), ("王磊", "works_for", "百度")} <= got
    got = _triples("王磊是腾讯首席科学家、百度顾问、前阿里巴巴 CTO。")
    assert {("王磊", "works_for", o) for o in ("腾讯", "百度", "阿里巴巴")} <= got
    # a new clause after a comma is no item of the chain
    assert ("王磊", "works_for", "百度") not in _triples("王磊，腾讯首席科学家，百度发布了新模型。")


def test_an_academic_title_after_the_name():
    a = make_analysis("论文导师是北京大学王磊教授和清华大学李娜教授。", [("北京大学", O), ("王磊", P), ("清华大学", O), ("李娜", P)])
    got = {(r.head.text, r.relation, r.tail.text, r.role) for r in extract_relations(a, gazetteer=GAZ)}
    assert got == {("王磊", "works_for", "北京大学", "教授"), ("李娜", "works_for", "清华大学", "教授")}


def test_staying_at_a_company_is_working_there_and_waiting_is_not():
    a = make_analysis("王磊在华为待过三年。", [("王磊", P), ("华为", C)])
    assert _got(a) == {("王磊", "works_for", "华为")}
    a = make_analysis("王磊在华为期待了很久。", [("王磊", P), ("华为", C)])
    assert not extract_relations(a, gazetteer=GAZ)


def test_student_and_veteran_titles():
    a = make_analysis("本文作者之一是复旦大学博士研究生李娜。", [("复旦大学", O), ("李娜", P)])
    assert _got(a) == {("李娜", "educated_at", "复旦大学")}
    a = make_analysis("公司请来了华为资深人士李娜。", [("华为", C), ("李娜", P)])
    assert ("李娜", "works_for", "华为") in _got(a)


def test_a_title_without_de_is_not_shared_across_a_comma_list():
    # 青禾电子、星云科技的创始人 X: the title (with 的) is of both; in an investor list without 的 the items are apart
    a = make_analysis("跟投方还有红杉资本、百度联合创始人王磊等。", [("红杉资本", C), ("百度", C), ("王磊", P)])
    got = _got(a, rules=True)
    assert ("王磊", "founded", "百度") in got and ("王磊", "founded", "红杉资本") not in got
    a = make_analysis("青禾电子、星云科技的创始人顾承远表示。", [("青禾电子", C), ("星云科技", C), ("顾承远", P)])
    got = _got(a, rules=True)
    assert {("顾承远", "founded", "青禾电子"), ("顾承远", "founded", "星云科技")} <= got


def test_a_team_introduction_gives_titles_at_the_organisation_it_is_about():
    text = ("星云科技脱胎于清华大学的一个实验室。公司有三位联合创始人。\n"
            "CEO 王磊，清华大学科学家。\nCTO 李娜，清华大学研究员。")
    a = make_analysis(text, [("星云科技", C), ("清华大学", O), ("王磊", P), ("清华大学", O), ("李娜", P), ("清华大学", O)])
    got = _got(a, rules=True)
    assert {("王磊", "leads", "星云科技"), ("王磊", "works_for", "星云科技"), ("李娜", "works_for", "星云科技")} <= got
    # a phrase that ends in a title names a unit of its own (天衡评测实验室负责人): not the organisation before
    text = "星云科技发布了新模型。天衡评测实验室负责人许沅表示，差距已经缩小。"
    a = make_analysis(text, [("星云科技", C), ("许沅", P)])
    assert not _rules(extract_relations(a, gazetteer=GAZ))


def test_an_investor_after_a_dash_and_a_raise_after_yi():
    assert ("顺为资本", "invests_in", "云帆科技") in _triples("云帆科技 Pre-A 轮投资人——顺为资本表示支持。")
    got = _triples("云帆科技已获得红杉资本、联想创投等数千万元人民币投资。")
    assert {("红杉资本", "invests_in", "云帆科技"), ("联想创投", "invests_in", "云帆科技")} <= got


def test_a_person_announcing_a_model_or_using_one_does_not_develop_it():
    a = make_analysis("星云科技 CEO 王磊在会上发布了星序大模型。", [("星云科技", C), ("王磊", P), ("星序", M)])
    got = _got(a, rules=True)
    assert ("王磊", "develops", "星序") not in got
    a = make_analysis("王磊参与研发了星序大模型。", [("王磊", P), ("星序", M)])
    assert ("王磊", "develops", "星序") in _got(a)
    a = make_analysis("王磊用星序开发了几个小工具。", [("王磊", P), ("星序", M)])
    assert not extract_relations(a, gazetteer=GAZ)


def test_a_counted_list_is_the_subject_of_a_comparison():
    a = make_analysis("Nova-1 、Nova-2 两个模型，成绩都超过了 Orion-7B。", [("Nova-1", M), ("Nova-2", M), ("Orion-7B", M)])
    got = _got(a)
    assert {("Nova-1", "competes_with", "Orion-7B"), ("Nova-2", "competes_with", "Orion-7B")} <= got


def test_an_unnamed_guest_card_is_about_the_guest_named_with_that_title():
    text = ("本期嘉宾是青禾电子创始人 & CEO 顾承远。\n顾承远：芯片很难做。\n"
            "青禾电子创始人 & CEO，南京大学物理学博士，前百度科学家。")
    a = make_analysis(text, [("青禾电子", C), ("顾承远", P), ("顾承远", P), ("青禾电子", C), ("南京大学", O), ("百度", C)])
    # (the card's clauses get a zero-width mention of 王驰, keyed to him)
    got = {((r.head.key or r.head.text).lstrip("="), r.relation, r.tail.text) for r in _rules(extract_relations(a, gazetteer=GAZ))}
    assert {("顾承远", "educated_at", "南京大学"), ("顾承远", "works_for", "百度")} <= got
    # two people named with the organisation's titles: the card is no one's in particular
    text = ("青禾电子创始人顾承远和青禾电子 CTO 李娜来了。\n青禾电子创始人，南京大学物理学博士。")
    a = make_analysis(text, [("青禾电子", C), ("顾承远", P), ("青禾电子", C), ("李娜", P), ("青禾电子", C), ("南京大学", O)])
    assert not any(r.relation == "educated_at" for r in extract_relations(a, gazetteer=GAZ))


def test_a_profile_line_holds_the_positions_of_the_person_named_in_the_line_before():
    text = "顾承远（Chengyuan Gu），论文一作。\n南京大学电子系副教授，青禾研究院研究员。\n鹿鸣理工学院物理学博士。"
    a = make_analysis(text, [("顾承远", P), ("南京大学电子系", O), ("青禾研究院", O), ("鹿鸣理工学院", O)])
    got = {((r.head.key or r.head.text).lstrip("="), r.relation, r.tail.text) for r in _rules(extract_relations(a, gazetteer=GAZ))}
    assert {("顾承远", "works_for", "南京大学电子系"), ("顾承远", "works_for", "青禾研究院"),
            ("顾承远", "educated_at", "鹿鸣理工学院")} <= got
    # a line where the organisation's head speaks, or a line before naming two people, carries no one over
    for text, ms in (("顾承远谈了芯片。\n南京大学电子系主任表示，芯片很难。", [("顾承远", P), ("南京大学电子系", O)]),
                     ("顾承远和李娜是论文作者。\n南京大学电子系副教授。", [("顾承远", P), ("李娜", P), ("南京大学电子系", O)])):
        assert not any(r.relation == "works_for" for r in extract_relations(make_analysis(text, ms), gazetteer=GAZ))


def test_a_comma_chain_of_positions_that_each_end_their_clause_is_the_person_s():
    a = make_analysis("顾承远，南京大学副教授，青禾研究院研究员。", [("顾承远", P), ("南京大学", O), ("青禾研究院", O)])
    assert {("顾承远", "works_for", "南京大学"), ("顾承远", "works_for", "青禾研究院")} <= _got(a)
    # the second title does not end its clause: someone else of that organisation speaks
    a = make_analysis("顾承远，南京大学副教授，青禾研究院院长表示同意。", [("顾承远", P), ("南京大学", O), ("青禾研究院", O)])
    assert ("顾承远", "works_for", "青禾研究院") not in _got(a) and ("顾承远", "leads", "青禾研究院") not in _got(a)


def test_a_comma_joins_no_employers_to_a_title_after_it():
    a = make_analysis("也有一个音乐产品 Glimmer AI，YC CEO Dana Whitlock 说音乐都是由它生成。",
                      [("Glimmer AI", C), ("YC", C), ("Dana Whitlock", P)])
    got = _got(a)
    assert ("Dana Whitlock", "works_for", "YC") in got
    assert not any(t == "Glimmer AI" for _, _, t in got)


def test_a_roll_of_investors_before_its_investors_phrase_invests_in_the_firm_that_raised():
    text = "星图科技拿到了 1000 万美元的种子轮融资，名单相当亮眼：除了红杉中国和高瓴资本外，青禾电子创始人顾承远和 Dana Whitlock 都是其投资人。"
    a = make_analysis(text, [("星图科技", C), ("红杉中国", C), ("高瓴资本", C), ("青禾电子", C), ("顾承远", P), ("Dana Whitlock", P)])
    got = {(h, t) for h, r, t in _got(a) if r == "invests_in"}
    assert got == {("红杉中国", "星图科技"), ("高瓴资本", "星图科技"), ("顾承远", "星图科技"), ("Dana Whitlock", "星图科技")}


def test_a_kind_of_model_between_a_possessor_and_its_model():
    a = make_analysis("星河实验室的另一个算法 Nova-Go 击败了围棋冠军。", [("星河实验室", O), ("Nova-Go", M)])
    assert ("星河实验室", "develops", "Nova-Go") in _got(a)


def test_the_head_of_a_function_works_for_the_organisation_without_leading_it():
    a = make_analysis("星海科技合作负责人 Dana Whitlock 说，客户很多。", [("星海科技", C), ("Dana Whitlock", P)])
    got = _got(a)
    assert ("Dana Whitlock", "works_for", "星海科技") in got and ("Dana Whitlock", "leads", "星海科技") not in got
    a = make_analysis("南京大学机器学习主任王芳教授说。", [("南京大学", O), ("王芳", P)])
    assert ("王芳", "leads", "南京大学") not in _got(a)
    a = make_analysis("青禾实验室联合负责人王芳说。", [("青禾实验室", O), ("王芳", P)])
    assert ("王芳", "leads", "青禾实验室") in _got(a)


def test_investing_phrases_that_read_the_other_way():
    # 给 X … 投资的 Y: Y invests; 拿下 X 10 万用户: users, not money
    a = make_analysis("作为曾给星图科技 10 亿美金投资的青禾电子，其总裁王磊说。", [("星图科技", C), ("青禾电子", C), ("王磊", P)])
    got = {(h, t) for h, r, t in _got(a) if r == "invests_in"}
    assert got == {("青禾电子", "星图科技")}
    a = make_analysis("星图科技拿下青禾电子 10 万用户。", [("星图科技", C), ("青禾电子", C)])
    assert not any(r == "invests_in" for _, r, _ in _got(a))


def test_an_open_source_model_is_no_one_open_sourcing_it():
    a = make_analysis("星海科技正尝试在办公软件中集成国产开源大模型 Nova-7B。", [("星海科技", C), ("Nova-7B", M)])
    assert ("星海科技", "develops", "Nova-7B") not in _got(a)
    a = make_analysis("星海科技开源大模型 Nova-7B。", [("星海科技", C), ("Nova-7B", M)])
    assert ("星海科技", "develops", "Nova-7B") in _got(a)


def test_the_names_after_a_round_verb_and_its_noun_are_the_investors():
    text = "星图科技宣布完成了 8000 万美金的 B 轮融资，由红杉中国领投，另外跟投的还有高瓴资本、Norvale 以及 Brightwell。"
    a = make_analysis(text, [("星图科技", C), ("红杉中国", C), ("高瓴资本", C), ("Norvale", C), ("Brightwell", C)])
    got = {(h, t) for h, r, t in _got(a) if r == "invests_in"}
    assert got == {(x, "星图科技") for x in ("红杉中国", "高瓴资本", "Norvale", "Brightwell")}


def test_a_former_post_said_with_before_is_the_post_of_every_person_listed():
    a = make_analysis("联合创始人 Orrin Vale、Dana Whitlock 和 Yarvik Tolen 之前也是青禾研究院的研究科学家。",
                      [("Orrin Vale", P), ("Dana Whitlock", P), ("Yarvik Tolen", P), ("青禾研究院", O)])
    got = _got(a)
    assert {(x, "works_for", "青禾研究院") for x in ("Orrin Vale", "Dana Whitlock", "Yarvik Tolen")} <= got


def test_a_bare_title_opening_a_list_of_people_is_each_one_s_at_the_company_the_text_is_about():
    text = "星图科技是一家做音乐的公司。\n\n联合创始人 Orrin Vale、Dana Whitlock 和 Yarvik Tolen 之前在青禾研究院工作。"
    a = make_analysis(text, [("星图科技", C), ("Orrin Vale", P), ("Dana Whitlock", P), ("Yarvik Tolen", P), ("青禾研究院", O)])
    got = _got(a)
    assert {(x, "founded", "星图科技") for x in ("Orrin Vale", "Dana Whitlock", "Yarvik Tolen")} <= got


def test_a_clause_that_gives_a_bare_title_and_then_the_person_is_at_the_sentence_s_organisation():
    a = make_analysis("星图科技的核心班底很豪华，联合创始人兼 CEO 是 Dana Whitlock，之前在青禾研究院工作。",
                      [("星图科技", C), ("Dana Whitlock", P), ("青禾研究院", O)])
    got = _got(a)
    assert {("Dana Whitlock", "founded", "星图科技"), ("Dana Whitlock", "leads", "星图科技")} <= got
    a = make_analysis("星图科技发布了新模型，CEO 是 Dana Whitlock 的朋友。", [("星图科技", C), ("Dana Whitlock", P)])
    assert not _got(a)


def test_models_with_han_names_compared_are_rivals_unless_one_family():
    # (a Han name's family was "" for every Han name, so no two Han-named models were ever rivals here)
    a = make_analysis("星辰 与 青禾 相比，推理更快。", [("星辰", M), ("青禾", M)])
    assert ("星辰", "competes_with", "青禾") in _got(a)
    a = make_analysis("星辰-2 与星辰-1 相比，推理更快。", [("星辰-2", M), ("星辰-1", M)])
    assert not _got(a)


def test_leading_an_investment_is_investing():
    a = make_analysis("王磊主导了云帆科技、星海科技等项目的早期投资。", [("王磊", P), ("云帆科技", C), ("星海科技", C)])
    got = _got(a)
    assert {("王磊", "invests_in", "云帆科技"), ("王磊", "invests_in", "星海科技")} <= got
    assert not any(r.relation == "leads" for r in extract_relations(a, gazetteer=GAZ))


def test_an_organisation_founds_nothing_in_extraction():
    # 谷歌联合创始人 … 创立了: lists and backgrounds make organisations look like founders; the golds never have one
    a = make_analysis("Y Combinator 孵化的 OpenAI 由 Sam Altman 创立。", [("Y Combinator", C), ("OpenAI", C), ("Sam Altman", P)])
    got = _got(a)
    assert not any(rel == "founded" and h == "Y Combinator" for h, rel, _ in got)
    a = make_analysis("谷歌创立了星云科技。", [("谷歌", C), ("星云科技", C)])
    assert not any(r.relation == "founded" for r in extract_relations(a, gazetteer=GAZ))


def test_buying_shares_is_investing_not_acquiring():
    a = make_analysis("红杉资本收购了云帆科技 10% 的股份。", [("红杉资本", C), ("云帆科技", C)])
    assert _got(a) == {("红杉资本", "invests_in", "云帆科技")}
    a = make_analysis("腾讯以 10 亿元收购云帆科技，股票随之上涨。", [("腾讯", C), ("云帆科技", C)])
    assert ("腾讯", "acquires", "云帆科技") in _got(a)


def test_a_former_head_headed_it_and_a_served_title_chain_past_a_bracket():
    a = make_analysis("新任 CEO 王磊（原云帆科技 CEO）表示。", [("王磊", P), ("云帆科技", C)])
    got = _got(a)
    assert {("王磊", "works_for", "云帆科技"), ("王磊", "leads", "云帆科技")} <= got
    a = make_analysis("王磊曾担任云帆科技（2019 年并入百度）的联合创始人兼首席执行官。", [("王磊", P), ("云帆科技", C), ("百度", C)])
    got = _got(a, rules=True)
    assert {("王磊", "founded", "云帆科技"), ("王磊", "works_for", "云帆科技"), ("王磊", "leads", "云帆科技")} <= got


def test_leading_a_sized_round_is_investing():
    a = make_analysis("星海资本合伙人王磊领导了云帆科技 2 亿元的 B 轮融资。", [("星海资本", C), ("王磊", P), ("云帆科技", C)])
    got = _got(a)
    assert ("王磊", "invests_in", "云帆科技") in got and ("王磊", "leads", "云帆科技") not in got


def test_serving_at_a_list_and_a_phrase_that_describes_the_person_after_it():
    a = make_analysis("他的搭档是在华为和小米做过实习工程师的王磊。", [("华为", C), ("小米", C), ("王磊", P)])
    got = _got(a)
    assert {("王磊", "works_for", "华为"), ("王磊", "works_for", "小米")} <= got
    a = make_analysis("李娜说，王磊在华为做过工程师。", [("李娜", P), ("王磊", P), ("华为", C)])
    got = _got(a, rules=True)
    assert ("李娜", "works_for", "华为") not in got  # two people before: the rule says nothing


def test_an_investment_firm_s_partner_as_investor_names_the_firm_too():
    a = make_analysis("云帆科技的早期投资人星海资本的合伙人王磊表示支持。", [("云帆科技", C), ("星海资本", C), ("王磊", P)])
    got = _got(a)
    assert {("星海资本", "invests_in", "云帆科技"), ("王磊", "invests_in", "云帆科技")} <= got


def test_a_team_introduction_reads_a_title_chain():
    text = "星云科技由几位清华大学的研究者创办。\n创始人兼首席科学家王磊还在读博。"
    a = make_analysis(text, [("星云科技", C), ("清华大学", O), ("王磊", P)])
    got = _got(a, rules=True)
    assert {("王磊", "founded", "星云科技"), ("王磊", "works_for", "星云科技")} <= got


def test_a_team_introduction_skips_a_bio_s_education_line():
    text = ("星云科技脱胎于清华大学的一个实验室。\nCTO 李娜，清华大学研究员。\n北京大学数学学士、硕士。\n"
            "首席科学官王磊，清华大学博士。")
    a = make_analysis(text, [("星云科技", C), ("清华大学", O), ("李娜", P), ("清华大学", O), ("北京大学", O), ("王磊", P), ("清华大学", O)])
    got = _got(a, rules=True)
    assert ("王磊", "works_for", "北京大学") not in got
    assert ("王磊", "works_for", "星云科技") in got


def test_a_counted_group_named_in_the_next_sentence():
    text = "腾讯有三位联合创始人在今年离职。他们分别是张三、李四和王五。"
    a = make_analysis(text, [("腾讯", C), ("张三", P), ("李四", P), ("王五", P)])
    got = _got(a, rules=True)
    for p in ("张三", "李四", "王五"):
        assert {(p, "founded", "腾讯"), (p, "departed_from", "腾讯")} <= got
    # no counted group in the sentence before: the names alone say nothing
    a = make_analysis("腾讯今年发布了新产品。他们分别是张三、李四和王五。", [("腾讯", C), ("张三", P), ("李四", P), ("王五", P)])
    assert not _rules(extract_relations(a, gazetteer=GAZ))


def test_a_list_after_a_colon_belongs_to_the_word_before_it():
    rels = _triples("远山科技的投资方包括：青禾资本、北辰基金和顺禾资本。")
    assert {("青禾资本", "invests_in", "远山科技"), ("北辰基金", "invests_in", "远山科技"),
            ("顺禾资本", "invests_in", "远山科技")} <= rels
    rels = _triples("远山科技公布的重点客户包括：流媒体平台 Spotify、搜索服务商 Glean、青禾科技等。")
    assert {("远山科技", "partners_with", x) for x in ("Spotify", "Glean", "青禾科技")} <= rels
    # a colon after a verb that introduces no list still ends its clause
    assert ("远山科技", "partners_with", "青禾科技") not in _triples("远山科技表示：青禾科技的产品很好。")


def test_investor_lists_that_end_in_a_description_or_start_with_like():
    rels = _triples("远山科技的投资人里还包括了图灵奖得主 Dana Reyes、李娜和 Tom Hale 这样的学者。")
    assert {(p, "invests_in", "远山科技") for p in ("Dana Reyes", "李娜", "Tom Hale")} <= rels
    rels = _triples("除了北辰基金领投、青禾资本跟投外，远山科技的投资人里还包含了像顺禾科技前 CEO Tom Hale、李娜等。")
    assert {("Tom Hale", "invests_in", "远山科技"), ("李娜", "invests_in", "远山科技")} <= rels
    assert ("Tom Hale", "invests_in", "北辰基金") not in rels


def test_a_co_investor_is_not_what_the_lead_invested_in():
    rels = _triples("北辰基金领投青禾资本跟投，远山科技完成融资。")
    assert ("北辰基金", "invests_in", "青禾资本") not in rels


def test_years_spent_at_each_employer():
    rels = _triples("张伟在谷歌工作了八年，后又在 Slack 待了两年。")
    assert {("张伟", "works_for", "谷歌"), ("张伟", "works_for", "Slack")} <= rels
    rels = _triples("张伟之前在 Adobe、Google 和花旗都呆过。")
    assert {("张伟", "works_for", x) for x in ("Adobe", "Google", "花旗")} <= rels


def test_a_model_described_as_the_base_is_not_what_was_made():
    rels = _triples("青禾大学与远山科技的研究人员提出了一种基于自回归模型 Orion 的视频生成框架。")
    assert not any(r[1] == "develops" and r[2] == "Orion" for r in rels)
    assert ("远山科技", "develops", "Yuan-7B") in _triples("远山科技利用新框架开发了 Yuan-7B。")


def test_organisations_that_made_a_model_together_each_develop_it():
    rels = _triples("远山科技和青禾科技共同开发了 Orion 模型。")
    assert {("远山科技", "develops", "Orion"), ("青禾科技", "develops", "Orion")} <= rels
    rels = _triples("由远山科技、青禾大学联合推出的 Orion-2 已经开源。")
    assert {("远山科技", "develops", "Orion-2"), ("青禾大学", "develops", "Orion-2")} <= rels
    # a model named only in another clause was not what the verb made
    assert not any(r[1] == "develops" for r in _triples("远山科技和青禾科技共同开发了一款新产品，后来改名叫 Orion。"))


def test_a_poached_person_left_one_organisation_and_joined_the_other():
    rels = _triples("青禾科技从远山科技挖走了王磊和李娜。")
    for p in ("王磊", "李娜"):
        assert {(p, "departed_from", "远山科技"), (p, "joined", "青禾科技"), (p, "works_for", "青禾科技")} <= rels
    rels = {(r.head.key or r.head.text, r.relation, r.tail.text)
            for r in __import__("kg").analyze("张伟现在负责青禾科技的芯片业务，他是青禾科技三年前从远山科技挖过来的。").relations}
    assert ("=张伟", "departed_from", "远山科技") in rels or ("张伟", "departed_from", "远山科技") in rels
    assert not _triples("远山科技从地里挖出了宝藏。")


def test_more_ways_of_saying_where_someone_studied(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")  # the rules' own reading (the pair model may guess these too)
    rels = _triples("王磊目前读博二，硕士毕业于青禾大学，本科则毕业于北辰大学。")
    assert {("王磊", "educated_at", "青禾大学"), ("王磊", "educated_at", "北辰大学")} <= rels
    assert ("张伟", "educated_at", "布朗大学") in _triples("他在读书时认识了布朗大学的同学张伟。")


def test_a_cloud_named_with_its_parent_is_part_of_it():
    assert ("Azure", "part_of", "微软") in _triples("微软的 Azure 去年的营收增长很快。")


def test_the_post_of_an_organisation_is_the_person_named_after_is(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("远山科技的第一任 CEO 是来自青禾大学的物理学家王磊。")
    assert {("王磊", "works_for", "远山科技"), ("王磊", "leads", "远山科技")} <= rels
    assert ("李娜", "works_for", "青禾科技") in _triples("青禾科技现任 CTO 为李娜。")
    assert not any(r[2] == "远山科技" for r in _triples("远山科技的 CEO 是谁并不重要，王磊表示。"))


def test_a_persons_ai_company_is_theirs(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert ("王磊", "works_for", "青禾科技") in _triples("远山科技前 CTO 王磊的 AI 公司青禾科技刚完成了天使轮融资。")


def test_a_time_clause_without_subject_takes_the_next_clauses(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert ("星河科技", "acquires", "Quillon") in _triples("2021 年收购 Quillon 后，星河科技推出了新的记账软件。")
    assert ("王磊", "joined", "远山科技") in _triples("加入远山科技之后，王磊负责搜索业务。")
    assert ("红杉中国", "invests_in", "青禾科技") in _triples("投资青禾科技后不久，红杉中国又投了两家公司。")
    # the next clause opens with another word: no subject to take
    assert not any(r[1] == "acquires" for r in _triples("收购 Quillon 后，公司的股价和星河科技一样上涨。"))


def test_the_name_right_before_acquire_is_the_buyer_not_the_bought(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("它沿用了青禾科技的设计（见我的旧文《星河科技收购了一家记账公司》）。")
    assert not any(r[1] == "acquires" and r[2] == "星河科技" for r in rels)
    assert ("微软", "acquires", "动视暴雪") in _triples("微软对动视暴雪的收购已经完成。")


def test_an_organisation_made_to_join_is_the_one_that_joins(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("王磊，前青禾科技高级科学家，曾推动青禾科技加入 Quill 基金会。")
    assert not any(r[1] == "joined" for r in rels)
    assert ("王磊", "joined", "远山科技") in _triples("王磊离开星河科技加入远山科技。")


def test_a_relative_clause_before_its_doer(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert ("王磊", "develops", "Quill-2") in _triples("一手打造了 Quill-2 的王磊对此早有思考。")
    assert ("远山科技", "acquires", "星河科技") in _triples("收购了星河科技的远山科技后来改了名。")
    assert not any(r[1] == "develops" for r in _triples("使用了 Quill-2 的王磊说效果很好。"))


def test_a_papers_authors_develop_its_model(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("第三篇同样经典——FlowNet-2。\n\n作者包括 Leo Marsh、Ivy Tan 和 Mia Chen，被引用了两万多次。")
    assert {(p, "develops", "FlowNet-2") for p in ("Leo Marsh", "Ivy Tan", "Mia Chen")} <= rels
    assert ("李明", "develops", "FlowNet") in _triples("该论文提出了 FlowNet，作者为李明和王芳。")
    # a well-known maker's model is not the paper's own
    assert not any(r[1] == "develops" for r in _triples("GPT-4 很强。这篇综述的作者包括 Leo Marsh 和 Ivy Tan。"))


def test_a_counted_group_of_an_organisations_people_and_its_list(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = "本周，远山科技有三位高层离职，或将影响融资。包括首席技术官 Mia Chen、首席研究官 Leo Marsh 和研究副总裁 Ivy Tan。"
    rels = _triples(text)
    for p in ("Mia Chen", "Leo Marsh", "Ivy Tan"):
        assert {(p, "works_for", "远山科技"), (p, "departed_from", "远山科技")} <= rels
    assert ("Leo Marsh", "works_for", "远山科技") in _triples("远山科技的多名核心成员包括首席科学家 Leo Marsh。")
    assert not any(r[1] == "departed_from" for r in _triples("远山科技的多名核心成员包括首席科学家 Leo Marsh。"))


def test_a_bare_title_before_a_speaker_is_held_at_the_sentences_organisation(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("最近远山科技也开始向欧洲扩张，CEO Leo Marsh 说，远山科技在欧洲已有四十多家客户。")
    assert {("Leo Marsh", "works_for", "远山科技"), ("Leo Marsh", "leads", "远山科技")} <= rels
    assert _triples("远山科技发布了新品，分析师 Leo Marsh 表示很满意。") == set()  # an outsider commenting


def test_the_institution_before_a_researchers_group_is_where_the_researcher_works(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert ("周嘉树", "works_for", "青禾大学") in _triples("青禾大学周嘉树团队提出了一种新的训练方法。")
    assert ("周嘉树", "works_for", "青禾大学") in _triples("在青禾大学周嘉树老师最新的报告中，算力密度翻了一番。")


def test_a_title_then_an_honour_still_names_the_holder(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    for text in ("远山科技首席执行官兼去年的诺贝尔物理学奖得主陆沉舟上周接受了采访。", "远山科技首席执行官、图灵奖得主陆沉舟接受了采访。"):
        assert {("陆沉舟", "leads", "远山科技"), ("陆沉舟", "works_for", "远山科技")} <= _triples(text)


def test_past_experience_at_an_employer_and_an_investors_relative_clause(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert ("周嘉树", "works_for", "远山科技") in _triples("周嘉树在远山科技有过一段工作经历。")
    assert ("远山资本", "invests_in", "Quillstone") in _triples("远山资本投的 Quillstone 估值已经 5 亿美金。")
    assert _triples("他投的票最后给了陆沉舟。") == set()


def test_a_model_followed_by_its_maker_in_brackets(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert ("远山科技", "develops", "Lumenix-2") in _triples("训练方案遵循 Lumenix-2（来自远山科技，2B模型就能赶超大模型）的思路。")


def test_a_cited_articles_title_relates_only_the_names_inside_it(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = ("不过初创公司 Quillstone 还不直接面向用户，比方说在远山资本发布的榜单中，40%的产品都由他们提供底层技术支持"
            "《远山资本投了一个兽医 AI 笔记》。")
    assert not any(r[1] == "invests_in" for r in _triples(text))
    assert ("远山科技", "acquires", "青禾电子") in _triples("我写过一篇文章《远山科技收购青禾电子之后》。")


def test_a_founder_named_before_a_cited_question_title(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = "最早提出这个概念的是 Quillstone 创始人 Dana Whitlock，她在《Quillstone 是如何找到 PMF 的？》一文中说过。"
    assert {("Dana Whitlock", "founded", "Quillstone"), ("Dana Whitlock", "works_for", "Quillstone")} <= _triples(text)


def test_an_investor_list_never_reads_the_company_as_the_investor(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    # a short descriptor before the first investor (德国富豪, 图灵奖得主) still opens the list
    rels = _triples("后来 Poolside 的 A 轮一共拿了 8000 万美元，主要投资人包括了德国富豪 Hans Weber、Felicis 和 Redpoint。")
    assert {("Hans Weber", "invests_in", "Poolside"), ("Felicis", "invests_in", "Poolside"),
            ("Redpoint", "invests_in", "Poolside")} <= rels
    assert not any(h == "Poolside" and rel == "invests_in" for h, rel, _ in rels)
    # where the list cannot be read, no subject-verb-object reading takes its place
    rels = _triples("Poolside 的主要投资人包括了一些欧洲家族办公室与 Felicis 在内的十几家机构。")
    assert not any(h == "Poolside" and rel == "invests_in" for h, rel, _ in rels)


def test_a_repeated_verb_gives_the_later_object_to_the_later_subject(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    # the first item's model is no name kg knows: the first company must not take the second item's model
    rels = _triples("现有方案包括远山科技去年提出的新式遮蔽法（删除部分信息）、青禾实验室今年提出的DuetMask（删除低频信息）。")
    assert not any(h == "远山科技" and rel == "develops" for h, rel, _ in rels)
    rels = _triples("远山科技收购了青禾科技，随后又收购了蓝湾科技。")
    assert {("远山科技", "acquires", "青禾科技"), ("远山科技", "acquires", "蓝湾科技")} <= rels


def test_tools_in_a_list_and_the_staff_of_a_list_relate_nobody(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("有人质疑远山科技是否借助 Reddit、Instagram 与 Facebook 上的短片训练 Nova-2。")
    assert not any(h in ("Instagram", "Facebook") for h, _, _ in rels)
    rels = _triples("这并不罕见，Facebook、Google 和 Microsoft 的员工此前也签署过公开信。")
    assert not any(rel == "partners_with" for _, rel, _ in rels)
    rels = _triples("Facebook、Google 和 Microsoft 签署了一份合作协议。")
    assert ("Google", "partners_with", "Facebook") in rels or ("Facebook", "partners_with", "Google") in rels


def test_a_firm_named_with_a_trigger_word_is_no_partnership(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("这款软件的用户包括欧莱雅、联合航空和美国银行。")
    assert not any(rel == "partners_with" for _, rel, _ in rels)
    assert ("远山科技", "partners_with", "青禾科技") in _triples("远山科技联合青禾科技发布了新模型。") | {
        (t, r, h) for h, r, t in _triples("远山科技联合青禾科技发布了新模型。")}


def test_teaching_at_a_school_is_working_there(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert ("王青禾", "works_for", "青州大学") in _triples("王青禾任教于青州大学。")
    rels = _triples("王青禾曾在青州大学任教多年，后来加入了远山科技。")
    assert ("王青禾", "works_for", "青州大学") in rels and ("王青禾", "educated_at", "青州大学") not in rels


def test_the_firms_whose_partner_someone_is_are_not_partners_of_each_other(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert not any(rel == "partners_with" for _, rel, _ in _triples("这家初创公司是OpenAI和英伟达的官方合作伙伴。"))
    rels = _triples("OpenAI和英伟达是长期合作伙伴。")
    assert ("英伟达", "partners_with", "OpenAI") in rels or ("OpenAI", "partners_with", "英伟达") in rels


def test_a_clause_without_a_subject_goes_on_with_the_one_before_not_its_object(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = {(h, r, t) for h, r, t in _triples("Nova-2-32B打败了GPT-4o，逐渐逼近Claude 3.5 Sonnet。")}
    assert ("Nova-2-32B", "competes_with", "GPT-4o") in rels
    assert ("Nova-2-32B", "competes_with", "Claude 3.5 Sonnet") in rels
    assert not any({h, t} == {"GPT-4o", "Claude 3.5 Sonnet"} for h, _, t in rels)


def test_a_model_something_is_based_on_and_a_unit_someone_set_up_are_not_the_objects(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("钉钉发布了基于阿里通义大模型的办公战略。")
    assert not any(h == "钉钉" and r == "develops" for h, r, _ in rels)
    assert not any(r == "founded" for _, r, _ in _triples("李雷创立了微软亚洲研究院的语音小组。"))
    assert ("李雷", "founded", "青禾科技") in _triples("李雷创立了青禾科技。")


def test_a_unit_someone_set_up_is_not_the_organisation_founded_with_the_model_either():
    assert not any(r == "founded" for _, r, _ in _triples("李雷创立了微软亚洲研究院的语音小组。"))


def test_the_head_of_a_unit_the_text_does_not_name_works_for_the_organisation_without_leading_it():
    a = make_analysis("原远山科技工程院长王志强加入了青禾电子。", [("远山科技", C), ("王志强", P), ("青禾电子", C)])
    got = _got(a)
    assert ("王志强", "works_for", "远山科技") in got and ("王志强", "leads", "远山科技") not in got
    a = make_analysis("青州大学计算机系主任张华表示。", [("青州大学", O), ("张华", P)])
    assert ("张华", "leads", "青州大学") not in _got(a)
    a = make_analysis("青禾研究院院长王芳表示。", [("青禾研究院", O), ("王芳", P)])  # the unit is the organisation named
    assert ("王芳", "leads", "青禾研究院") in _got(a)


def test_a_coordinated_subject_are_each_rivals_of_the_name_after_not_of_each_other(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = {frozenset((h, t)) for h, r, t in _triples("远山科技和青禾电子都是星图智能的竞争对手。") if r == "competes_with"}
    assert rels == {frozenset(("远山科技", "星图智能")), frozenset(("青禾电子", "星图智能"))}
    rels = {frozenset((h, t)) for h, r, t in _triples("远山科技和青禾电子是竞争对手。") if r == "competes_with"}
    assert rels == {frozenset(("远山科技", "青禾电子"))}


def test_a_round_aside_in_an_investor_list_makes_no_investor_invest_in_another(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = {(h, t) for h, r, t in _triples("青禾科技的投资方包括远山资本、星图创投、北辰资本（A 轮领投）、蓝海基金（A+轮领投）、红木资本。")
            if r == "invests_in"}
    assert rels == {(x, "青禾科技") for x in ("远山资本", "星图创投", "北辰资本", "蓝海基金", "红木资本")}


def test_the_investors_a_funding_bracket_names_invest_in_the_firm_that_raised(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = {(h, t) for h, r, t in _triples("青禾科技今日宣布完成数亿元B轮融资（远山资本领投，星图创投、北辰资本跟投）。")
            if r == "invests_in"}
    assert rels == {("远山资本", "青禾科技"), ("星图创投", "青禾科技"), ("北辰资本", "青禾科技")}


def test_a_student_of_any_kind_studied_there(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    for text in ("李青禾是青州大学2021级硕博连读生。", "Dana Whitlock，当时的青州大学研究生，写了论文。"):
        rels = _triples(text)
        assert any(r == "educated_at" for _, r, _ in rels), text
        assert not any(r == "works_for" for _, r, _ in rels), text


def test_a_department_head_works_for_the_company_without_leading_it():
    a = make_analysis("青禾科技商业拓展部负责人王楠表示。", [("青禾科技", C), ("王楠", P)])
    got = _got(a)
    assert ("王楠", "works_for", "青禾科技") in got and ("王楠", "leads", "青禾科技") not in got


def test_leading_a_round_is_investing_not_leading_the_firm(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("远山资本合伙人王磊主导了青禾科技A轮投资。")
    assert ("王磊", "invests_in", "青禾科技") in rels and ("王磊", "leads", "青禾科技") not in rels


def test_helping_set_up_a_lab_inside_a_firm_is_not_founding_the_firm(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert not any(r == "founded" for _, r, _ in _triples("王楠协助创建了青禾科技首个企业级 AI 实验室。"))


def test_models_named_after_即_in_brackets_are_what_the_subject_is_compared_with(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = {frozenset((h, t)) for h, r, t in _triples("研究人员将Nova-2与最近发布的开源模型（即Orion-4和Lyra-3）进行了比较。")
            if r == "competes_with"}
    assert rels == {frozenset(("Nova-2", "Orion-4")), frozenset(("Nova-2", "Lyra-3"))}


def test_a_title_in_brackets_after_an_honorific_or_now_and_a_title_before_a_comma_are_the_person_s(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert ("王青禾", "works_for", "青禾实验室") in _triples("他跟随王青禾教授（青禾实验室的联合创始人）做研究。")
    assert ("Dana Whitlock", "leads", "星图科技") in _triples("然后 Dana Whitlock（现在星图科技 CEO）又说服了他。")
    assert ("Eric Schmidt", "works_for", "远山科技") in _triples("远山科技前CEO，Eric Schmidt说过一句话。")
    assert not any(h == "王磊" and r == "leads" for h, r, _ in _triples("他曾任青禾科技CEO，王磊则是CTO。"))


# --- twenty-sixth session ------------------------------------------------------------------------------------------
def test_a_postdoc_studied_there(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    for text in ("林远曾在青州大学做博士后研究。", "林远在青州大学做了两年博士后。", "林远是青州大学的博士后。"):
        rels = _triples(text)
        assert ("林远", "educated_at", "青州大学") in rels and ("林远", "works_for", "青州大学") not in rels, text


def test_a_model_s_predecessor_is_no_rival(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert not any(r == "competes_with" for _, r, _ in _triples("Nova-3 的得分远超其前身 Orion-2。"))
    assert ("Nova-3", "competes_with", "Orion-2") in _triples("Nova-3 的得分远超 Orion-2。")


def test_money_received_from_backers_is_their_investment(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("鹭羽科技成立不到一年，就收到了来自北辰资本和蓝海基金的种子轮投资。")
    assert {("北辰资本", "invests_in", "鹭羽科技"), ("蓝海基金", "invests_in", "鹭羽科技")} <= rels
    assert not any(r == "invests_in" for _, r, _ in _triples("鹭羽科技获得了来自青禾实验室的技术支持。"))


def test_becoming_a_firm_s_officer_is_a_post_there(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    assert ("林远", "works_for", "青禾科技") in _triples("林远后来成为青禾科技的 CTO。")
    rels = _triples("林远随后成为青禾科技的 COO 和 Co-CEO。")
    assert ("林远", "leads", "青禾科技") in rels
    assert ("林远", "leads", "青禾科技") in _triples("林远是青禾科技联席CEO。")


def test_investing_together_with_another_is_both_s_investment(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = _triples("后来北辰资本又与蓝海基金一起投资了鹭羽科技。")
    assert {("北辰资本", "invests_in", "鹭羽科技"), ("蓝海基金", "invests_in", "鹭羽科技")} <= rels


def test_leading_a_unit_of_an_organisation_is_working_there(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    for text in ("林远负责青禾科技的 VR 部门。", "林远共同领导青州大学NLP小组。"):
        rels = _triples(text)
        assert any(h == "林远" and r == "works_for" for h, r, _ in rels) and not any(r == "leads" for _, r, _ in rels), text
    assert ("林远", "leads", "青禾科技") in _triples("林远领导青禾科技。")


@pytest.fixture
def rules_only(monkeypatch):
    """The relation rules alone (no pair model): what these tests pin down."""
    monkeypatch.setenv("KG_RELATIONS", "rules")


def test_having_worked_at_a_list_of_employers_is_a_post_at_each(rules_only):
    rels = _triples("林远曾任职花旗银行、国家统计局和平安集团。")
    assert {("林远", "works_for", o) for o in ("花旗银行", "国家统计局", "平安集团")} <= rels
    rels = _triples("林远在谷歌任职，后来又加入了百度。")
    assert ("林远", "works_for", "谷歌") in rels and ("林远", "works_for", "百度") not in rels


def test_co_investors_after_a_lead_investor_do_not_invest_in_it(rules_only):
    rels = _triples("本轮由北辰资本领投，跟投方包括蓝海基金、源石资本。")
    assert not any(t == "北辰资本" for _, r, t in rels if r == "invests_in")
    rels = _triples("鹭羽科技完成种子轮融资，由北辰资本领投，跟投方包括蓝海基金、源石资本。")
    assert {("蓝海基金", "invests_in", "鹭羽科技"), ("源石资本", "invests_in", "鹭羽科技")} <= rels


def test_a_latin_firm_name_with_a_trade_word_is_a_company(rules_only):
    import kg

    a = kg.analyze("Vela Microsystems曾与苹果和微软竞争。")
    assert ("Vela Microsystems", "COMPANY") in {(m.text, m.type) for m in a.mentions}
    rels = {(r.head.text, r.relation, r.tail.text) for r in a.relations}
    assert {("Vela Microsystems", "competes_with", "苹果"), ("Vela Microsystems", "competes_with", "微软")} <= rels


def test_designers_columnists_and_editors_hold_posts(rules_only):
    assert ("林远", "works_for", "青禾科技") in _triples("青禾科技的知名设计师林远发布了新作。")
    assert ("林远", "works_for", "青禾科技") in _triples("青禾科技首席设计师林远表示同意。")


def test_stepping_down_from_a_post_is_leaving(rules_only):
    rels = _triples("林远在2010年退任青禾科技的CEO。")
    assert {("林远", "departed_from", "青禾科技"), ("林远", "leads", "青禾科技")} <= rels


def test_a_verb_before_a_title_is_not_part_of_it(rules_only):
    assert not _triples("国际天文学联合会将美国天文学家林远发现的小行星命名为青禾星。")


def test_leaving_something_else_is_not_leaving_what_one_then_founds(rules_only):
    rels = _triples("林远正式离开学术界，创办了星河科技。")
    assert ("林远", "founded", "星河科技") in rels and ("林远", "departed_from", "星河科技") not in rels


def test_its_founder_is_not_of_a_firm_named_before_others(rules_only):
    text = ("Vexa 联合创始人 Tom Becker 宣布了一个新的项目 Lumo，这是一款耳机。\n\nTom Becker 说这个产品很有潜力。\n\n"
            "目前 Lumo 的团队由 11 名工程师组成，他们之前曾在 Neuralink、SpaceX 等公司工作过。\n\n"
            "其联合创始人 Ada Stone 在博客里说，公司的目标是改善生活。")
    assert not any(h == "Ada Stone" and t == "Vexa" for h, _, t in _triples(text))


def test_a_post_in_a_part_of_an_organisation_is_a_post_there(rules_only):
    assert ("林远", "works_for", "青禾科技") in _triples("林远在青禾科技的几个部门做过工程师。")
    assert ("林远", "works_for", "青禾科技") in _triples("林远在青禾科技的搜索部门担任工程师。")


def test_money_from_backers_with_an_amount_between_is_their_investment(rules_only):
    for text in ("鹭羽科技拿到红杉资本、联想创投的数百万美元投资。", "鹭羽科技先后获得红杉资本、联想创投等三千万元投资。"):
        rels = _triples(text)
        assert {("红杉资本", "invests_in", "鹭羽科技"), ("联想创投", "invests_in", "鹭羽科技")} <= rels, text
    assert not any(r == "invests_in" for _, r, _ in _triples("鹭羽科技获得了北辰资本的认可。"))


def test_the_head_of_a_business_unit_does_not_lead_the_company(rules_only):
    rels = _triples("青禾科技研发中台事业部总经理林远表示同意。")
    assert ("林远", "works_for", "青禾科技") in rels and ("林远", "leads", "青禾科技") not in rels
    assert ("林远", "leads", "青禾科技") in _triples("青禾科技总经理林远表示同意。")
    assert ("林远", "leads", "百度智能云") in _triples("百度智能云事业群总裁林远表示同意。")  # the unit named before the title


def test_a_new_head_the_firm_welcomed_joined_it(rules_only):
    assert {("林远", "joined", "青禾科技"), ("林远", "leads", "青禾科技")} <= _triples("青禾科技迎来了新的 CEO 林远。")
    assert ("林远", "joined", "青禾科技") not in _triples("青禾科技迎来了 CEO 林远的演讲。")


def test_a_brand_with_a_possessive_s_is_one_name(rules_only):
    assert ("Rob Kent", "leads", "Brenner’s") in _triples("Brenner’s 的首席执行官 Rob Kent 今天宣布了新计划。")


def test_models_said_to_match_or_beat_a_listed_pair_are_rivals(rules_only):
    assert ("Nova-3", "competes_with", "Orion-2") in _triples("Nova-3 的表现与 Orion-2 相当。")
    rels = _triples("相比于 Orion-2 和 Vega-5，Nova-3 表现更好。")
    assert {("Nova-3", "competes_with", "Orion-2"), ("Nova-3", "competes_with", "Vega-5")} <= rels
    assert not _triples("相比于 Orion-2，Nova-3 的发布时间很晚。")
    assert not _triples("Nova-3 的表征与其微调模型（如 Nova-3-chat 和 Orion-2）更为接近。")  # likeness, no rivalry


def test_a_round_said_to_be_a_firm_s_gives_its_investors(rules_only):
    text = "Lumora 是其中最年轻的，其天使轮便拿到了 3000 万美元的融资，由 Arbor Ventures 和 Index 联合领投，Tidal Ventures 跟投。"
    rels = _triples(text)
    assert {(h, "invests_in", "Lumora") for h in ("Arbor Ventures", "Index", "Tidal Ventures")} <= rels
    assert ("Arbor Ventures", "invests_in", "Lumora") in _triples("Lumora 的 A 轮拿到了 800 万美元融资，由 Arbor Ventures 领投。")


def test_a_name_after_a_likening_edition_word_is_not_the_firm(rules_only):
    assert not any(t == "Netflix" for _, _, t in _triples("北辰资本投资了一家音频版 Netflix。"))
    assert ("腾讯", "invests_in", "Netflix") in _triples("腾讯投资了 Netflix。")
    assert ("OpenAI", "develops", "ChatGPT") in _triples("OpenAI 推出了企业版 ChatGPT。")


def test_the_other_co_founder_of_a_sentence_founded_the_same_firm(rules_only):
    rels = _triples("林远创办了青禾科技，另一位联合创始人王强曾在百度工作。")
    assert {("王强", "founded", "青禾科技"), ("王强", "works_for", "青禾科技"), ("王强", "works_for", "百度")} <= rels
    assert ("王强", "founded", "青禾科技") not in _triples("林远创办了青禾科技，王强曾在百度工作。")


def test_alumni_after_a_dash_study_and_a_joint_piece_of_research(rules_only):
    rels = _triples("两位青州大学校友——林远和王强都获得了大奖。")
    assert {("林远", "educated_at", "青州大学"), ("王强", "educated_at", "青州大学")} <= rels
    assert ("林远", "educated_at", "MIT") in _triples("林远完成了他在MIT的本科学习。")
    assert ("青州大学", "partners_with", "鹭岛研究院") in _triples("这篇论文是来自青州大学和鹭岛研究院的一项研究成果。")
    assert not _triples("青州大学和浙江大学的学者参加了圆桌讨论。")


def test_the_head_of_a_firm_s_model_works_at_the_firm(rules_only):
    rels = _triples("青禾科技代码大模型Lumo负责人林远表示同意。")
    assert {("林远", "works_for", "青禾科技"), ("青禾科技", "develops", "Lumo")} <= rels
    assert not any(h == "林远" and t == "青禾科技" for h, _, t in _triples("我们参考了青禾科技和 Lumo 负责人林远的建议。"))


def test_the_models_a_release_holds_are_the_maker_s_too(rules_only):
    rels = _triples("青禾科技最新发布开源语音大模型项目LumoLLM，一次包含两个模型：LumoSense和LumoTalk。")
    assert {("青禾科技", "develops", m) for m in ("LumoLLM", "LumoSense", "LumoTalk")} <= rels
    rels = _triples("青禾科技发布了 Lumo-2，性能超过了包括 GPT-4 和 Claude 在内的多个模型。")
    assert ("青禾科技", "develops", "Lumo-2") in rels
    assert not {("青禾科技", "develops", m) for m in ("GPT-4", "Claude")} & rels


def test_latin_co_investors_parted_by_ascii_commas_each_invest(rules_only):
    rels = _triples("Lumora 完成了新一轮融资，由 Arbor 领投，Kepler Ventures, Coatue 等跟投。")
    assert {(h, "invests_in", "Lumora") for h in ("Arbor", "Kepler Ventures", "Coatue")} <= rels


def test_a_firm_that_just_announced_a_round_or_follows_on_is_a_company(rules_only):
    rels = _triples("Lumora 刚刚宣布完成了新一轮融资，由 Arbor 领投。")
    assert ("Arbor", "invests_in", "Lumora") in rels
    rels = _triples("青禾科技完成了 A 轮融资，由北辰资本领投，老股东 Zentrix 继续跟投。")
    assert ("Zentrix", "invests_in", "青禾科技") in rels


def test_a_chain_of_posts_with_now_and_a_byname_before_the_person(rules_only):
    rels = _triples("北辰集团前总裁、现任青禾创投创始人陆远出席了会议。")
    assert {("陆远", "works_for", "北辰集团"), ("陆远", "leads", "北辰集团"), ("陆远", "founded", "青禾创投")} <= rels
    rels = _triples("Lumora 创始人、业界教父 Dana Whitlock 写道。")
    assert {("Dana Whitlock", "founded", "Lumora"), ("Dana Whitlock", "works_for", "Lumora")} <= rels
    assert not any(t == "Lumora" for _, _, t in _triples("Lumora 创始人、张强的朋友 Dana Whitlock 写道。") if _ == "Dana Whitlock")


def test_a_degree_before_the_school_is_study_there(rules_only):
    rels = _triples("王强本科读的是浙江大学的信息工程，硕士和博士都在多伦多大学。")
    assert {("王强", "educated_at", "浙江大学"), ("王强", "educated_at", "多伦多大学")} <= rels
    assert not any(r == "educated_at" for _, r, _ in _triples("李娜和王强是同事，博士都在多伦多大学。"))


def test_quitting_a_firm_named_after_the_verb_is_leaving_it(rules_only):
    assert ("林远", "departed_from", "青禾科技") in _triples("林远突然发文表示决定离职青禾科技。")
    rels = _triples("林远离职后加入了青禾科技。")
    assert ("林远", "joined", "青禾科技") in rels and ("林远", "departed_from", "青禾科技") not in rels


def test_a_relative_clause_doer_after_a_description(rules_only):
    rels = _triples("之前领导青禾科技的北大校友林远发布了文章。")
    assert {("林远", "leads", "青禾科技"), ("林远", "educated_at", "北大")} <= rels
    rels = _triples("之前领导青禾科技安全团队的北大校友林远发布了文章。")
    assert ("林远", "works_for", "青禾科技") in rels and ("林远", "leads", "青禾科技") not in rels


def test_founding_members_start_ups_and_years_at_a_firm(rules_only):
    assert {("王强", "founded", "Lumora"), ("王强", "works_for", "Lumora")} <= _triples("王强是 Lumora 的创始成员之一。")
    assert ("林远", "founded", "Lumora") in _triples("林远的创业公司：Lumora 已经成立两年。")
    assert ("林远", "founded", "Lumora") not in _triples("林远的公司 Lumora 已经成立两年。")
    assert ("林远", "works_for", "谷歌") in _triples("创业之前，林远在谷歌已经干了8年。")
    assert not _triples("林远在谷歌干了一件大事。")


def test_the_strongest_rival_of_a_firm_competes_with_it(rules_only):
    assert ("Anthropic", "competes_with", "OpenAI") in _triples("Anthropic 是 OpenAI 在大模型市场最大的对手。")
    assert ("青禾科技", "competes_with", "北辰科技") in _triples("青禾科技是北辰科技最强劲的对手。")


def test_a_backed_firm_is_what_was_founded_and_a_firm_receives_what_it_got(rules_only):
    rels = _triples("林远后来联合创办了由北辰资本支持的 Lumora。")
    assert {("林远", "founded", "Lumora"), ("北辰资本", "invests_in", "Lumora")} <= rels
    assert ("林远", "founded", "北辰资本") not in rels
    rels = _triples("青禾科技在 2022 年就拿了北辰资本领投的 2500 万美金。")
    assert ("北辰资本", "invests_in", "青禾科技") in rels and ("青禾科技", "invests_in", "北辰资本") not in rels


def test_co_investors_listed_in_the_sentence_after_the_round(rules_only):
    rels = _triples("青禾科技完成了 A 轮融资。跟投方包括了北辰资本、星海基金以及 Coatue。")
    assert {(h, "invests_in", "青禾科技") for h in ("北辰资本", "星海基金", "Coatue")} <= rels
    assert not _triples("青禾科技发布了新产品。跟投方包括了英伟达和 AMD。")


def test_hired_to_do_a_post_stepping_down_and_layoffs(rules_only):
    assert ("王强", "works_for", "青禾科技") in _triples("青禾科技请来了王强来做 CTO。")
    assert ("王强", "works_for", "青禾科技") in _triples("王强来做青禾科技的 CFO。")
    assert ("王强", "departed_from", "北辰科技") in _triples("北辰科技 CEO 王强宣布下台。")
    rels = _triples("青禾科技裁掉了 10 名高管，包括王强和李娜。")
    assert {("王强", "departed_from", "青禾科技"), ("李娜", "departed_from", "青禾科技")} <= rels
    assert not any(r == "departed_from" for _, r, _ in _triples("这届政府下台后，王强加入了北辰科技。"))
    assert not any(r == "departed_from" for _, r, _ in _triples("员工要求北辰科技 CEO 王强下台。"))


def test_dominance_a_likened_model_a_customer_and_dropping_out(rules_only):
    assert not _triples("王强认为北辰科技会在其所在行业占据主导地位。")
    assert ("麦肯锡", "develops", "ChatGPT") not in _triples("麦肯锡上线一款类似 ChatGPT 的应用。")
    assert ("普华永道", "partners_with", "北辰科技") in _triples("普华永道成为北辰科技的第二个企业客户。")
    assert not _triples("普华永道是北辰科技的客户经理。")
    assert ("王强", "educated_at", "哈佛大学") in _triples("王强从哈佛大学退学。")


def test_investors_listed_in_the_sentence_after_the_round(rules_only):
    rels = _triples("Lumora 完成了新一轮融资。其它投资人包括：北辰资本、星海基金。")
    assert {("北辰资本", "invests_in", "Lumora"), ("星海基金", "invests_in", "Lumora")} <= rels
    assert not _triples("Lumora 发布了新产品。投资人包括北辰资本。")


def test_a_founder_who_is_also_a_director_elsewhere(rules_only):
    for text in ("王强是北辰科技创始人兼青禾科技董事。", "北辰科技创始人兼青禾科技董事王强表示同意。"):
        rels = _triples(text)
        assert {("王强", "founded", "北辰科技"), ("王强", "works_for", "青禾科技")} <= rels, text
        assert not any(t.startswith("兼") for _, _, t in rels)


def test_a_post_held_at_a_place_named_before_the_clause(rules_only):
    g = kg_build("李娜毕业于清华。在青禾科技，她担任首席科学家。")
    assert ("李娜", "works_for", "青禾科技") in g
    assert ("王强", "works_for", "青禾科技") in _triples("在青禾科技时，王强担任首席科学家。")
    assert not any(r == "works_for" for _, r, _ in _triples("在青禾科技，王强认识了李娜。"))
    assert ("普华永道", "partners_with", "北辰科技") in _triples("普华永道是北辰科技的一个大客户。")


def kg_build(text):
    import kg

    return {(x.subject, x.relation, x.object) for x in kg.build(texts=[text]).relations()}


def test_money_got_from_an_investor_and_an_investor_title(rules_only):
    assert ("北辰资本", "invests_in", "青禾科技") in _triples("在青禾科技从北辰资本又获得 5 亿美元后，王强扩大了团队。")
    assert not _triples("青禾科技从北辰银行获得了20亿元贷款。")
    rels = _triples("谷歌联合创始人兼特斯拉投资者王强表示同意。")
    assert {("王强", "founded", "谷歌"), ("王强", "invests_in", "特斯拉")} <= rels
    assert ("王强", "works_for", "特斯拉") not in rels


def test_customers_named_after_a_count_of_them(rules_only):
    rels = _triples("北辰科技就有超过 3 万家客户，比方说 Atlassian、Zoom 和 Databricks。")
    assert {("北辰科技", "partners_with", x) for x in ("Atlassian", "Zoom", "Databricks")} <= rels


def test_they_founded_is_the_people_of_the_sentence_before(rules_only):
    rels = _triples("王强和李娜是大学同学。他们共同创立了青禾科技。")
    assert {("王强", "founded", "青禾科技"), ("李娜", "founded", "青禾科技")} <= rels
    rels = _triples("王强和李娜是大学同学。他们的朋友赵敏创立了青禾科技。")
    assert ("王强", "founded", "青禾科技") not in rels and ("赵敏", "founded", "青禾科技") in rels


def test_a_paper_author_between_a_post_and_the_person(rules_only):
    rels = _triples("青州大学物理学教授、这篇论文的通讯作者林远表示同意。")
    assert ("林远", "works_for", "青州大学") in rels


def test_investor_lines_of_a_list_a_round_opens_with_a_colon(rules_only):
    text = ("Lumora 刚宣布完成了 5500 万美金的 A 轮融资，投资人阵容包括了：\n\n王强和李娜领投了种子轮共计 2000 万美金；\n"
            "北辰资本领投 A 轮 3500 万美金；\n其它投资人包括：星海基金、Coatue。")
    rels = _triples(text)
    assert {(h, "invests_in", "Lumora") for h in ("王强", "李娜", "北辰资本", "星海基金", "Coatue")} <= rels
    assert not _triples("青禾科技发布了新产品，亮点包括：\n\n北辰资本领投 A 轮；")


def test_a_name_founded_in_a_year_is_a_company_and_its_founders_follow(rules_only):
    rels = _triples("Lumora 成立于 2021 年。创始人 Dana Whitlock 和 Rob Kent 认为搜索需要改变。")
    assert {("Dana Whitlock", "founded", "Lumora"), ("Rob Kent", "founded", "Lumora")} <= rels


def test_seven_core_founders_listed_after_the_firm(rules_only):
    rels = _triples("Lumora 七位核心创始人王强、李娜、赵敏和孙浩参加了会议。")
    assert {(p, "founded", "Lumora") for p in ("王强", "李娜", "赵敏", "孙浩")} <= rels


def test_a_firm_that_got_an_investor_s_money(rules_only):
    assert ("北辰资本", "invests_in", "Lumora") in _triples("Lumora 还拿到了北辰资本的 2 亿美元投资。")
    assert ("北辰资本", "invests_in", "Lumora") in _triples("Lumora 拿到了北辰资本领投的 A 轮。")


def test_taking_a_post_again_is_joining_again(rules_only):
    rels = _triples("林远重新担任了青禾科技的 CEO。")
    assert {("林远", "joined", "青禾科技"), ("林远", "leads", "青禾科技")} <= rels
    assert ("林远", "joined", "青禾科技") not in _triples("林远担任青禾科技 CEO。")


def test_a_post_at_a_list_of_firms_closed_by_deng(rules_only):
    rels = _triples("王强曾在谷歌、苹果和百度等公司担任工程师。")
    assert {("王强", "works_for", o) for o in ("谷歌", "苹果", "百度")} <= rels


def test_the_team_behind_a_model_makes_it(rules_only):
    assert ("北辰科技", "develops", "Lumo-3D") in _triples("Lumo-3D 背后的团队是北辰科技。")
    assert ("北辰科技", "develops", "Lumo-3D") not in _triples("Lumo-3D 背后的逻辑是北辰科技想清楚的。")


def test_roster_lines_after_the_team_behind_a_model(rules_only):
    text = "Lumo-3D 背后团队是北辰科技，专注于 3D 生成。\n\n创始人兼CEO王强，毕业于清华大学。\n\nCOO赵敏，此前在腾讯工作。"
    rels = _triples(text)
    assert {("北辰科技", "develops", "Lumo-3D"), ("王强", "founded", "北辰科技"), ("赵敏", "works_for", "北辰科技")} <= rels


def test_an_unknown_firm_in_a_list_of_employers_after_zai(rules_only):
    rels = _triples("王强先后在百度、苹果、安波福等公司工作过。")
    assert {("王强", "works_for", o) for o in ("百度", "苹果", "安波福")} <= rels


def test_the_institutions_that_did_a_work_make_the_model_it_proposes(rules_only):
    rels = _triples("本文由青州大学、鹭岛大学和北辰科技研究者共同完成。论文提出了一种名为 Lumo-1 的新模型。")
    assert {(o, "develops", "Lumo-1") for o in ("青州大学", "鹭岛大学", "北辰科技")} <= rels
    assert not any(r == "develops" for _, r, _ in _triples("本文由青州大学完成。我们测试了 GPT-4。"))


def test_firms_entered_in_one_contest_are_not_rivals(rules_only):
    rels = _triples("这届挑战赛有上千支队伍角逐，参赛队伍包括腾讯、百度和京东等公司团队。")
    assert not any(r == "competes_with" for _, r, _ in rels)
    # a race in a market stays one
    rels = _triples("腾讯、百度和京东都在争夺大模型市场。")
    assert ("腾讯", "competes_with", "百度") in rels or ("百度", "competes_with", "腾讯") in rels


def test_a_deputy_of_a_lead_title_does_not_lead_and_a_department_head_does(rules_only):
    rels = _triples("北辰学会副理事长林远表示，明年将扩大规模。")
    assert ("林远", "works_for", "北辰学会") in rels and ("林远", "leads", "北辰学会") not in rels
    rels = _triples("清华大学计算机系的系主任王磊表示，课程会调整。")
    assert ("王磊", "leads", "清华大学计算机系") in rels


def test_an_honour_that_ends_in_a_latin_title_is_no_post(rules_only):
    assert not any(r in ("works_for", "leads") for _, r, _ in _triples("林远是微软 MVP，也常在社区分享经验。"))
    assert ("林远", "works_for", "北辰科技") in _triples("林远是北辰科技的 SVP。")


def test_rivals_regarded_as_such_following_close_behind_and_compared_for_an_edge(rules_only):
    assert ("青禾科技", "competes_with", "北辰科技") in _triples("青禾科技视北辰科技为唯一竞争对手。")
    assert ("青禾科技", "competes_with", "北辰科技") in _triples("青禾科技一直将北辰科技视为最大的对手。")
    assert ("Nova-3", "competes_with", "Orion-2") in _triples("Nova-3 在几项评测中紧随 Orion-2 之后。")
    assert ("Nova-3", "competes_with", "Orion-2") in _triples("相比于 Orion-2，Nova-3 最大的优势是速度。")


def test_a_title_chain_goes_on_past_an_honour_and_ends_with_titles_of_no_organisation(rules_only):
    assert ("王磊", "works_for", "北辰科技") in _triples("北辰科技首席技术官、青禾科学院外籍院士王磊表示，模型要落地。")
    rels = _triples("北辰科技副总裁、青禾大学兼职教授、博士生导师王磊认为，数据更重要。")
    assert {("王磊", "works_for", "北辰科技"), ("王磊", "works_for", "青禾大学")} <= rels


def test_one_joint_study_of_two_institutions_makes_them_partners(rules_only):
    assert ("青禾大学", "partners_with", "北辰大学") in _triples("这是青禾大学和北辰大学的一项联合研究。")
    assert not any(r == "partners_with" for _, r, _ in _triples("青禾大学和北辰大学的研究都很多。"))


def test_triggers_cut_out_of_nouns_and_a_firm_s_origin_are_no_relations(rules_only):
    rels = _triples("林远是北辰资本的一位投资合伙人。")
    assert ("林远", "works_for", "北辰资本") in rels and ("林远", "invests_in", "北辰资本") not in rels
    assert not any(r == "invests_in" for _, r, _ in _triples("王强在跟投资人解释时说，青禾科技会像特斯拉一样。"))
    assert not any(r == "works_for" for _, r, _ in _triples("这些芯片能处理更大的工作负载，北辰科技说。"))
    rels = _triples("由阿里系初创月之暗面所推出的 Kimi 广受关注。")
    assert ("月之暗面", "develops", "Kimi") in rels and not any(h.startswith("阿里") for h, _, _ in rels)


def test_the_head_of_a_function_named_by_its_last_words_does_not_lead_the_firm(rules_only):
    rels = _triples("北辰科技平台销售负责人林远表示，订单在增长。")
    assert ("林远", "works_for", "北辰科技") in rels and ("林远", "leads", "北辰科技") not in rels
    rels = _triples("林远是北辰科技的游戏 AI 负责人。")
    assert ("林远", "works_for", "北辰科技") in rels and ("林远", "leads", "北辰科技") not in rels
    assert ("林远", "leads", "北辰科技") in _triples("北辰科技负责人林远表示，订单在增长。")


def test_a_release_names_no_rival_its_time_clause_or_the_subject_s_parent_as_made(rules_only):
    rels = _triples("2月，小公司青禾科技发布了一个性能能与 Orion-2 媲美的开源模型。")
    assert ("青禾科技", "develops", "Orion-2") not in rels
    rels = _triples("青禾科技还发布了基于 Nova-3 的 Orion-2 竞品 Lumo，并宣布融资。")
    assert ("青禾科技", "develops", "Orion-2") not in rels
    rels = _triples("北辰科技，青禾科技的母公司，在 Orion-2 发布三个月后，推出了 Nova-3。")
    assert ("北辰科技", "develops", "Nova-3") in rels
    assert not any(r == "develops" and (h == "青禾科技" or t == "Orion-2") for h, r, t in rels)


def test_a_place_before_a_founder_s_firm_is_not_his_firm_too(rules_only):
    rels = _triples("有一次他在青禾大学和北辰科技创始人王强散步。")
    assert ("王强", "founded", "北辰科技") in rels and ("王强", "founded", "青禾大学") not in rels


def test_the_head_of_a_department_works_for_the_firm_without_leading_it(rules_only):
    rels = _triples("北辰科技的研究部门负责人林远表示，模型还会更新。")
    assert ("林远", "works_for", "北辰科技") in rels and ("林远", "leads", "北辰科技") not in rels
    rels = _triples("北辰科技投资部门总经理林远表示，今年会更谨慎。")
    assert ("林远", "works_for", "北辰科技") in rels and ("林远", "leads", "北辰科技") not in rels


def test_customers_named_as_the_largest_or_as_a_list_that_adopted_a_product(rules_only):
    assert ("腾讯", "partners_with", "北辰科技") in _triples("腾讯成为了北辰科技最大的客户之一。")
    rels = _triples("北辰科技的芯片已被包括腾讯、京东和百度在内的客户采用。")
    assert {("北辰科技", "partners_with", t) for t in ("腾讯", "京东", "百度")} <= rels


def test_a_stake_taken_and_investors_named_with_还有_are_investments(rules_only):
    assert ("腾讯", "invests_in", "北辰科技") in _triples("根据协议，腾讯将取得北辰科技小额股份。")
    assert not any(r == "invests_in" for _, r, _ in _triples("北辰科技取得了重大进展，腾讯很满意。"))
    rels = _triples("北辰科技上一轮融了 1.5 亿美元，由红杉领投，其它投资人还有腾讯和京东。")
    assert {("腾讯", "invests_in", "北辰科技"), ("京东", "invests_in", "北辰科技")} <= rels
    assert ("北辰科技", "invests_in", "腾讯") not in rels


def test_a_person_s_title_at_a_list_of_organisations_is_a_post_at_each(rules_only):
    rels = _triples("林远是北辰科技和青禾科技的研究科学家。")
    assert {("林远", "works_for", "北辰科技"), ("林远", "works_for", "青禾科技")} <= rels
    assert not any(r == "works_for" for _, r, _ in _triples("北辰科技和青禾科技的研究科学家都很忙。"))


def test_a_second_partner_after_a_comma_and_a_signed_cooperation_agreement(rules_only):
    rels = _triples("北辰科技此前已与腾讯合作，还和金融巨头招商银行达成合作。")
    assert {("北辰科技", "partners_with", "腾讯"), ("北辰科技", "partners_with", "招商银行")} <= rels
    assert ("腾讯", "partners_with", "京东") in _triples("腾讯与京东签订了一系列新合作协议。")


def test_the_name_after_对_before_an_investment_is_what_was_invested_in(rules_only):
    assert ("红杉资本", "invests_in", "北辰科技") in _triples("红杉资本此前对北辰科技的早期投资很成功。")
    rels = _triples("它对北辰科技的投资让红杉资本赚了很多。")
    assert ("北辰科技", "invests_in", "红杉资本") not in rels


def test_money_taken_after_a_comma_is_not_the_partner_s_of_the_clause_before(rules_only):
    # the partner named after 和 in the first clause did not raise; the subject did, or nobody named here
    assert ("红杉", "invests_in", "英伟达") not in _triples("我们还和英伟达达成了合作，也拿到了红杉的投资。")
    triples = _triples("青禾科技和英伟达达成了合作，也拿到了红杉的投资。")
    assert ("红杉", "invests_in", "青禾科技") in triples and ("红杉", "invests_in", "英伟达") not in triples


def test_a_title_that_names_whom_the_post_serves_is_not_that_post(rules_only):
    triples = _triples("周立是远山科技CEO幕僚长。")
    assert ("周立", "leads", "远山科技") not in triples and ("周立", "works_for", "远山科技") in triples


def test_the_head_of_a_function_or_an_industry_line_does_not_lead_the_firm(rules_only):
    for text in ("周立是腾讯云产品总裁。", "周立是腾讯云行业总经理。"):
        triples = _triples(text)
        assert ("周立", "works_for", "腾讯云") in triples and ("周立", "leads", "腾讯云") not in triples, text
    assert ("周立", "leads", "腾讯云") in _triples("周立是腾讯云总经理。")


def test_posts_at_a_list_of_firms_without_de_are_the_person_s(rules_only):
    triples = _triples("周立历任远山科技、青禾数据、北辰资本等公司副总裁，后来创办了鹿鸣智能。")
    assert {("周立", "works_for", x) for x in ("远山科技", "青禾数据", "北辰资本")} <= triples
    assert ("周立", "founded", "鹿鸣智能") in triples
    assert not any(r == "founded" and h != "周立" for h, r, _ in triples)


def test_the_one_asked_to_join_joins_not_the_one_asking(rules_only):
    triples = _triples("当马斯克要求我加入远山科技时，我犹豫了很久。")
    assert ("马斯克", "joined", "远山科技") not in triples


def test_a_described_person_after_yu_holds_no_post_of_the_first(rules_only):
    triples = _triples("远山科技首席执行官周立与著名数学家王宏进行了对话。")
    assert ("周立", "leads", "远山科技") in triples
    assert not any(h == "王宏" for h, _, _ in triples)


def test_a_founding_after_a_titled_person_is_not_of_the_title_s_organisation(rules_only):
    triples = _triples("这是北辰大学教授周立创建的一套评估框架。")
    assert ("周立", "works_for", "北辰大学") in triples and ("周立", "founded", "北辰大学") not in triples


def test_a_lead_title_after_the_name_that_follows_an_organisation(rules_only):
    triples = _triples("鹿鸣研究院王磊院长出席了会议。")
    assert {("王磊", "leads", "鹿鸣研究院"), ("王磊", "works_for", "鹿鸣研究院")} <= triples
    assert ("王磊", "leads", "鹿鸣研究院") not in _triples("鹿鸣研究院王磊院长助理出席了会议。")


def test_joining_to_become_the_head(rules_only):
    triples = _triples("周立加入远山科技，成为现任 CEO。")
    assert {("周立", "joined", "远山科技"), ("周立", "leads", "远山科技")} <= triples


def test_funds_raised_from_an_investor(rules_only):
    assert ("北辰资本", "invests_in", "远山科技") in _triples("远山科技从北辰资本筹集了一大笔资金。")
    assert not any(r == "invests_in" for _, r, _ in _triples("远山科技从招商银行获得了一笔贷款资金。"))


def test_rivals_that_oppose_or_fall_short(rules_only):
    assert ("远山科技", "competes_with", "百度") in _triples("远山科技多年来一直在对抗百度。")
    assert ("Lumo-2", "competes_with", "GPT-4") in _triples("青禾科技的 Lumo-2 在数学上略差于 GPT-4。")


def test_taking_over_a_post_and_a_founder_s_own_post(rules_only):
    triples = _triples("周立接任远山科技 CEO。")
    assert {("周立", "joined", "远山科技"), ("周立", "leads", "远山科技")} <= triples
    triples = _triples("周立创立了远山科技，并担任 CEO。")
    assert {("周立", "founded", "远山科技"), ("周立", "leads", "远山科技")} <= triples


def test_a_firm_that_qualifies_what_was_founded_is_not_founded(rules_only):
    assert ("周立", "founded", "微软") not in _triples("周立创立了微软人工智能情感计算框架。")
    assert ("周立", "founded", "腾讯") not in _triples("周立协助创建了腾讯首个机器人实验室。")
    assert ("周立", "founded", "远山科技") in _triples("周立创立了远山科技。")


def test_a_job_found_is_no_post_at_the_place_left(rules_only):
    triples = _triples("周立从北辰大学退学后找到了一份工作。")
    assert ("周立", "works_for", "北辰大学") not in triples
    assert ("周立", "works_for", "谷歌") in _triples("周立在谷歌工作了五年。")


def test_a_self_introduction_or_a_guest_line_from_an_organisation(rules_only):
    assert ("周立", "works_for", "远山科技") in _triples("我是周立，来自远山科技。")
    triples = _triples("周立（来自谷歌）和王宏（来自微软）参加了讨论。")
    assert {("周立", "works_for", "谷歌"), ("王宏", "works_for", "微软")} <= triples
    assert not any(r == "works_for" for _, r, _ in _triples("周立，来自谷歌和微软的联合团队。"))


def test_work_as_a_noun_and_a_list_that_works_with_someone_unnamed(rules_only):
    assert not any(r == "works_for" for _, r, _ in _triples("周立很喜欢谷歌的工作环境。"))
    triples = _triples("期待通过远山基金和北辰学院团队与在座的各位进行更多合作。")
    assert not any(r == "partners_with" for _, r, _ in triples)
    assert ("阿里巴巴", "partners_with", "腾讯") in _triples("腾讯和阿里巴巴的合作模式很成功。") | \
        {(t, r, h) for h, r, t in _triples("腾讯和阿里巴巴的合作模式很成功。")}


def test_incubation_is_no_relation(rules_only):
    # data/README.md: being incubated (由 KEG 孵化) is not part_of or founded; no relation is annotated for it
    assert not _triples("远山创投孵化了青禾科技。") & {("青禾科技", "part_of", "远山创投"), ("远山创投", "founded", "青禾科技")}
    assert not any(r == "part_of" for _, r, _ in _triples("远山创投孵化了青禾科技。"))


def test_a_company_name_that_opens_a_model_s_name_makes_it(rules_only):
    import kg

    # (a maker the table of model makers does not list: the name itself says whose the model is)
    g = kg.build(texts=["Microsoft 365 Copilot 今天正式上线。微软表示这很重要。"])
    assert ("微软", "develops", "Microsoft 365 Copilot") in {(r.subject, r.relation, r.object) for r in g.relations()}
    # the company not named on its own: no entity to give it to
    g = kg.build(texts=["Microsoft 365 Copilot 今天正式上线。"])
    assert not g.relations(relation="develops")


def test_a_hire_is_a_joining(rules_only):
    triples = _triples("远山科技去年聘请了周立担任首席科学家。")
    assert {("周立", "joined", "远山科技"), ("周立", "works_for", "远山科技")} <= triples
    assert not any(r == "joined" for _, r, _ in _triples("周立说，远山科技应该聘请更多工程师。"))


def test_a_title_of_a_list_stops_at_a_person_named_with_a_firm_of_their_own(rules_only):
    triples = _triples("谷歌联合创始人周立以及微软的王宏都出席了。")
    assert ("周立", "founded", "谷歌") in triples and ("王宏", "works_for", "微软") in triples
    assert not any(h == "王宏" and t == "谷歌" for h, _, t in triples)


def test_the_teacher_a_student_is_named_by_holds_nothing_of_the_student_s(rules_only):
    triples = _triples("师从李明远的北辰大学博士周立现在在远山科技工作。")
    assert not any(h == "李明远" for h, _, _ in triples)
    assert ("周立", "works_for", "远山科技") in triples


def test_the_helmsman_leads(rules_only):
    assert ("周立", "leads", "远山科技") in _triples("周立是远山科技的掌舵者。")
    assert ("周立", "leads", "远山科技") in _triples("远山科技掌舵人周立表示这很难。")


def test_a_model_named_as_a_figure_of_speech_gets_no_maker_from_the_table(rules_only):
    triples = _triples("远山科技的 Lumo-9 演示被不少评论者称作视频生成的 ChatGPT 时刻。OpenAI 对此没有回应。")
    assert ("OpenAI", "develops", "ChatGPT") not in triples
    assert ("OpenAI", "develops", "ChatGPT") in _triples("OpenAI 今天更新了 ChatGPT。")
