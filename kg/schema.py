"""Entity types and the relation vocabulary (DESIGN.md), as data."""
from __future__ import annotations

from dataclasses import dataclass

PERSON, ORG, COMPANY, MODEL, LOCATION = "PERSON", "ORG", "COMPANY", "MODEL", "LOCATION"
ENTITY_TYPES: tuple[str, ...] = (PERSON, ORG, COMPANY, MODEL, LOCATION)
CORE_TYPES: tuple[str, ...] = (PERSON, ORG, COMPANY, MODEL)
ENTITY_LABELS = {PERSON: "人物", ORG: "机构", COMPANY: "公司", MODEL: "模型", LOCATION: "地点"}


@dataclass(frozen=True)
class RelationType:
    id: str
    label: str
    head: frozenset[str]
    tail: frozenset[str]
    symmetric: bool = False
    description: str = ""


def _r(id, label, head, tail, description, symmetric=False):
    return RelationType(id, label, frozenset(head), frozenset(tail), symmetric, description)


_ORGS = (ORG, COMPANY)
RELATIONS: dict[str, RelationType] = {
    r.id: r
    for r in (
        _r("works_for", "任职", [PERSON], _ORGS, "holds or held a position there"),
        _r("leads", "领导", [PERSON], (ORG, COMPANY, MODEL), "heads it: CEO, 负责人, 主任"),
        _r("departed_from", "离职", [PERSON], _ORGS, "left, resigned, was let go"),
        _r("joined", "加入", [PERSON], _ORGS, "joined or will join"),
        _r("founded", "创立", (PERSON, COMPANY), _ORGS, "founded, co-founded"),
        _r("educated_at", "毕业于", [PERSON], [ORG], "studied at, alumnus of"),
        _r("develops", "研发", (COMPANY, ORG, PERSON), [MODEL], "develops, trains, releases, open-sources"),
        _r("part_of", "隶属", _ORGS, _ORGS, "unit, lab, team or subsidiary of"),
        _r("competes_with", "竞争", (COMPANY, ORG, MODEL), (COMPANY, ORG, MODEL), "rivals", symmetric=True),
        _r("partners_with", "合作", (COMPANY, ORG), (COMPANY, ORG), "cooperation, partnership", symmetric=True),
        _r("invests_in", "投资", (COMPANY, PERSON), [COMPANY], "invests, funds, leads a round"),
        _r("acquires", "收购", [COMPANY], [COMPANY], "acquires, merges with, buys"),
    )
}
