"""Drafts written for the cross-document tests: one body's 2021 report and the 2022 draft made from it,
and five departments' drafts of one batch. Fictional bodies, facts and figures."""

from __future__ import annotations

OPENING_2021 = "根据《法治政府建设与责任落实督察工作规定》要求，现将我局2021年法治政府建设工作情况报告如下："
OPENING_2022 = "根据《法治政府建设与责任落实督察工作规定》要求，现将我局2022年法治政府建设工作情况报告如下："

# Paragraphs the 2022 draft keeps from 2021 (left): word for word, or with a word or two changed.
LEFT = [
    ("（一）健全执法制度。对照权责清单逐项梳理执法事项，修订行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，"
     "明确每一类案件的承办科室、审核时限和公示渠道，做到执法信息全部上网公开。"),
    ("（三）强化队伍建设。组织全体执法人员参加通用法律知识和水务专业法规轮训，邀请法律顾问结合典型案例逐条讲解，"
     "对新入职人员实行执法证考试前跟班学习制度，执法人员持证率保持在较高水平。"),
    ("局党组书记认真履行推进法治建设第一责任人职责，把法治建设列入年度重点工作，亲自部署重要工作、过问重大问题、"
     "协调重点环节，全年主持召开党组会专题研究法治工作，带头开展述法。"),
]
# The same three paragraphs as the 2022 draft has them ("nearly unchanged": a word or two differ).
LEFT_2022 = [
    LEFT[0],
    LEFT[1].replace("组织全体执法人员", "组织全局执法人员"),
    LEFT[2].replace("全年主持召开", "全年多次主持召开"),
]

# Paragraphs the 2022 draft rewrote: same topics, written anew.
UPDATED_2021 = [
    ("（二）推进水资源执法。开展地下水超采专项整治，排查自备井一百余眼，对无证取水的单位下达整改通知，"
     "督促完成计量设施安装，整治期间未发生群体性投诉。"),
    ("（四）开展普法宣传。在世界水日和中国水周期间走进社区、学校宣传节水法规，发放宣传折页，"
     "通过政务新媒体推送以案释法文章，引导群众依法用水、节约用水。"),
    ("一是执法力量与任务不匹配，基层执法队伍年龄偏大，专业人员不足；二是部分执法文书制作不够规范，"
     "案卷评查中发现证据说明不完整的问题。"),
]
UPDATED_2022 = [
    ("（二）推进水资源执法。把河道管理范围内违法建设作为今年的整治重点，会同街道拆除临河违建棚房，"
     "对沿河排污口实行挂牌管理，整治结果在门户网站逐项公示接受监督。"),
    ("（四）开展普法宣传。创作水法规系列短视频，在地铁站和公交站台投放节水公益广告，"
     "开设“水务法治课堂”线上专栏，邀请居民代表参与执法开放日活动。"),
    ("一是新法新规培训覆盖面还不够，个别科室学习流于形式；二是执法信息化建设滞后，移动执法终端尚未全面配备，"
     "数据共享有待加强。"),
]

# A paragraph rewritten in words whose statistics sentence kept last year's figures.
FIGURES_2021 = ("（五）办理复议诉讼。全年受理行政复议案件44件，办结40件，纠错2件。"
                "应诉行政诉讼案件17件，负责人出庭应诉率保持在较高水平，案件审理结果全部服判息诉。")
FIGURES_2022 = ("（五）办理复议诉讼。全年共受理行政复议案件44件，依法办结40件，纠错2件。"
                "今年起对每一起败诉案件开展复盘，形成问题清单，逐条反馈承办科室限期改进，推动执法质量提升。")

PLAN_2021 = ("2022年，我局将深入推进严格规范公正文明执法，完善执法协作机制，推动河湖巡查与网格化管理衔接，"
             "力争全年执法案卷评查合格率达到百分之百，持续提升依法行政水平。")


def report(year: int, paragraphs: list[str], plan: str, opening: str, body: str = "东城区水务局") -> str:
    measures = [p for p in paragraphs if p.startswith("（")]
    duty = [p for p in paragraphs if p.startswith("局党组")]
    faults = [p for p in paragraphs if p.startswith("一是")]
    lines = [body, f"{year}年法治政府建设年度情况报告", opening,
             f"一、{year}年推进法治政府建设的主要举措和成效", *measures,
             f"二、{year}年党政主要负责人履行推进法治建设第一责任人职责情况", *duty,
             f"三、{year}年推进法治政府建设存在的不足和原因", *faults,
             f"四、{year + 1}年推进法治政府建设的主要安排", plan]
    return "\n".join(lines) + "\n"


def _order(paragraphs: list[str]) -> list[str]:
    return sorted(paragraphs, key=lambda p: "（一（二（三（四（五局党一是".find(p[:2]))


DRAFT_2021 = report(2021, _order([*LEFT, *UPDATED_2021, FIGURES_2021]), PLAN_2021, OPENING_2021)
# The 2022 draft: plan pasted from 2021's (year and all), two left paragraphs, three rewritten, figures stale.
DRAFT_2022 = report(2022, _order([*LEFT_2022, *UPDATED_2022, FIGURES_2022]), PLAN_2021, OPENING_2022)


# A batch of five departments' 2022 drafts. All open with the regulation-citing sentence and use the
# canonical formulas (boilerplate); the 商务局 and the 卫健委 share one paragraph of concrete work.
SHARED = ("推出“首次轻微违法不罚”清单，对十二类情形依法免予处罚，同步开展教育提醒，"
          "执法人员回访企业一百二十余家，企业对执法方式的满意度明显提高。")
FORMULA = "我局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面贯彻党的二十大精神。"
OWN_WORK = {
    "东城区商务局": ["梳理涉企行政检查事项，推行“综合查一次”，把同一企业的多项检查合并进行，减少对企业正常经营的干扰。",
                  SHARED],
    "东城区卫生健康委员会": ["开展医疗机构依法执业专项检查，对发现的超范围执业、人员资质不全等问题立案查处，并在官网公示处罚结果。",
                       SHARED.replace("执法人员回访", "执法人员及时回访")],
    "东城区民政局": ["规范社会组织登记管理，对连续两年未参加年检的社会组织依法撤销登记，清理“僵尸型”社会组织。",
                  "完善养老服务机构监管，联合消防、市场监管部门开展养老机构安全隐患排查整治，建立整改台账逐项销号。"],
    "东城区城市管理委员会": ["推进垃圾分类执法，对单位生活垃圾分类违法行为开展集中检查，督促物业企业落实管理责任人制度。",
                       "健全占道经营治理机制，划定便民疏导点，引导流动商贩入点经营，街面秩序明显好转。"],
    "东城区教育委员会": ["规范校外培训机构治理，对无证办学机构联合属地街道依法取缔，向家长公布白名单和风险提示。",
                     "推进依法治校示范校创建，指导学校修订章程，建立学校法律顾问制度，聘请律师参与校园纠纷调解。"],
}


def batch_draft(body: str) -> str:
    opening = OPENING_2022.replace("我局", "我单位")
    lines = [body, "2022年法治政府建设年度情况报告", opening, FORMULA,
             "一、2022年推进法治政府建设的主要举措和成效", *OWN_WORK[body]]
    return "\n".join(lines) + "\n"
