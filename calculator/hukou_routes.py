"""The 居转户 routes the site judges (decision H6) and those it only describes (H7): which
rules-data parameters each one reads. The conditions themselves are judged in
calculator.hukou; every number comes from the parameters named here (data/hukou.toml)."""

from __future__ import annotations

from dataclasses import dataclass

from . import vocabulary

# The title route's and the senior route's credentials in words: 中级职称或技师, 高级职称、高级技师.
TITLE_CREDENTIALS = (f"{vocabulary.title_name('intermediate')}或"
                     f"{vocabulary.entry('skill_levels', 2)['worker']}")
SENIOR_CREDENTIALS = (f"{vocabulary.title_name('senior')}、"
                      f"{vocabulary.entry('skill_levels', 1)['worker']}")


@dataclass(frozen=True)
class RouteSpec:
    id: str  # stable: results and pages name routes by it
    # the route in words: parameters in braces filled like a decision, {area} the area's name
    # (vocabulary key_areas)
    name: str
    months: str | None  # parameter: the qualifying months needed (None: no minimum)
    # how the title condition may be met: "title" (H5 only), "title_or_2x", "title_or_1x",
    # "base" (a base test instead of any title), "senior" (a senior credential or an award)
    title: str
    base: str | None = None  # the route's own base test: "base_2x", "lingang", "ceiling_3x"
    area: str | None = None  # the area worked in: "lingang", "zhangjiang", "new_town"
    area_months: str | None = None  # parameter: months worked in the area before M
    recommended: bool = False  # needs the recommendation
    pledge: bool = False  # and the written promise to stay (hukou.stay_pledge_years)
    core: bool = False  # needs the core-staff / backbone answer
    suburb_post: bool = False  # needs the 远郊 post months
    science_post: bool = False  # needs the answer: an enterprise science or skill post
    cited: str | None = None  # a parameter to cite when the route has no months


# In the order of the H6 table: ties on the earliest month go to the first.
ROUTES = (
    RouteSpec("title", TITLE_CREDENTIALS, "hukou.standard_months", "title"),
    RouteSpec("base_2x", "缴费基数{hukou.base_2x_multiple}倍（不要求职称）",
              "hukou.standard_months", "base", base="base_2x"),
    RouteSpec("senior", f"{SENIOR_CREDENTIALS}或省部级以上表彰", None, "senior",
              cited="hukou.senior_no_minimum"),
    RouteSpec("ceiling_3x", "企业科技和技能人才（缴费基数{hukou.ceiling_3x_multiple}倍）",
              "hukou.months.ceiling_3x", "base", base="ceiling_3x", science_post=True),
    RouteSpec("lingang_base", "{area}缴费基数{hukou.lingang_multiple}倍（不要求职称）",
              "hukou.standard_months", "base", base="lingang", area="lingang"),
    RouteSpec("lingang_5", "{area}", "hukou.months.lingang_5", "title_or_1x",
              area="lingang", area_months="hukou.lingang_5_area_months", recommended=True),
    RouteSpec("lingang_3", "{area}核心人才", "hukou.months.lingang_3", "title_or_1x",
              area="lingang", area_months="hukou.lingang_3_area_months", recommended=True,
              core=True),
    RouteSpec("zhangjiang_5", "{area}", "hukou.months.zhangjiang_5", "title_or_2x",
              area="zhangjiang", area_months="hukou.zhangjiang_5_area_months", recommended=True,
              pledge=True),
    RouteSpec("zhangjiang_3", "{area}重点产业骨干", "hukou.months.zhangjiang_3",
              "title_or_2x", area="zhangjiang", area_months="hukou.zhangjiang_3_area_months",
              recommended=True, pledge=True, core=True),
    RouteSpec("new_town_5", "{area}", "hukou.months.new_town_5", "title_or_2x",
              area="new_town", recommended=True, pledge=True),
    RouteSpec("suburb_post_5", "远郊教育、卫生、农业技术岗位", "hukou.months.suburb_post_5",
              "title_or_2x", suburb_post=True),
)
BY_ID = {route.id: route for route in ROUTES}

# A base test: (multiple, window months, months required, whether month M itself must reach it).
BASE_TESTS = {
    "market": ("hukou.market_multiple", "hukou.base_window_months", "hukou.base_months_required",
               True),
    "base_2x": ("hukou.base_2x_multiple", "hukou.base_window_months",
                "hukou.base_months_required", True),
    "lingang": ("hukou.lingang_multiple", "hukou.base_window_months",
                "hukou.base_months_required", True),
    "ceiling_3x": ("hukou.ceiling_3x_multiple", "hukou.ceiling_3x_window_months",
                   "hukou.ceiling_3x_months_required", False),
}

# H7: the routes described, not judged; `text` names parameters in braces like a decision.
NOT_JUDGED = (
    ("investor", "投资者和企业主",
     "本人直接投资（或投资份额）的企业最近连续3个纳税年度年均纳税{hukou.investor_tax_cny}元以上，"
     "或连续3年年均聘用本市员工{hukou.investor_employees}人以上，可不要求职称。"),
    ("entrepreneur", "创业人才",
     "获得登记备案的创业投资机构或孵化器投资，首轮{hukou.entrepreneur_5_cny}元以上（或累计达到更高数额）、"
     "持股不少于5%并在企业连续工作满1年的，年限可缩短；首轮{hukou.entrepreneur_3_cny}元以上的缩短得更多。"),
    ("tech_transfer", "技术转移人才",
     "在登记的技术转移服务机构连续工作满1年，最近3年作为第一完成人主持的技术合同成交额"
     "{hukou.tech_transfer_5_cny}元以上的，年限可缩短（数额更高的缩短得更多）。"),
    ("venture_capital", "创业投资机构合伙人和副总裁以上",
     "在本市创业投资机构任合伙人或连续2年任副总裁以上，缴费基数达到缴费上限的，"
     "年限可缩短为{hukou.vc_months}个月。"),
    ("transform_area", "南北转型地区",
     "宝山、金山等南北重点转型地区的人才，年限可缩短为{hukou.transform_months}个月（核心人才更短），"
     "只有一个来源，施行日期未找到。"),
)


def parameter_ids() -> set[str]:
    """Every parameter the routes name (calculator.check holds each to existing)."""
    ids = {r.months for r in ROUTES if r.months} | {r.area_months for r in ROUTES if r.area_months}
    ids |= {r.cited for r in ROUTES if r.cited} | {"hukou.suburb_post_months",
                                                   "hukou.stay_pledge_years"}
    ids |= {param for test in BASE_TESTS.values() for param in test[:3]}
    return ids
