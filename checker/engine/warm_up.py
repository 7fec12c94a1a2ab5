"""Work the rules and the analysis put off until first needed, done once before workers are forked.

Much is done on first use only, so that a one-file check pays for no more than it needs: the township
table is read, the section wordings are joined and compiled, some patterns are compiled by the call
that first uses them, the cross-document boilerplate is compiled. A worker forked before that work is
done does it for itself, and so does every fresh worker a batch forks when one has grown (workers.py);
what it builds also counts as the worker's growth, so it is renewed sooner. Checking one short draft
in the parent first does that work once, for every worker to share.

Only the built-in rules with the options they ship with are run here: the parent has no deadline, and
a pattern a user wrote (a pack, a config's options) is run in workers only, under theirs.
"""

from __future__ import annotations

from checker.engine.registry import cross_needs
from checker.engine.ruleset import Rule
from checker.engine.run import lint
from checker.loaders import document_from_text

# written for this purpose: a report's usual parts, places with their townships, a citation, figures,
# and words meeting where two characters are doubled (纪委监委监督: the word list)
_DRAFT = """首页 > 政务公开 > 法治政府建设
江西省九江市武宁县人民政府关于2023年度法治政府建设情况的报告
发布时间：2024-01-16  来源：县司法局
2023年，在市委、市政府的坚强领导下，我县深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》（以下简称《纲要》），法治武宁建设取得新成效，宋溪镇获评省级民主法治示范镇。现将有关情况报告如下：
一、2023年推进法治政府建设的主要举措和成效
（一）依法全面履行政府职能。深化“放管服”改革，新宁镇、宋溪镇便民服务中心实现“一窗通办”，办理时限压缩30%以上。
（二）严格规范公正文明执法。落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，评查案卷120卷。
1.加强行政复议工作。办理行政复议案件56件，纠错率为12.5%。主动接受县纪委监委监督。
二、推进法治政府建设存在的不足和原因
一是部分单位对法治建设重视不够；二是执法队伍专业化水平有待提高。
三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况
县政府主要负责人履行推进法治建设第一责任人职责，召开常务会议专题研究法治工作4次。
四、2024年推进法治政府建设的主要安排
2024年，我县将贯彻《中华人民共和国行政复议法》，推动法治政府建设再上新台阶。
五、其他需要报告的情况
无。
武宁县人民政府
2024年1月15日
"""


def warm_up(rules: list[Rule], with_docx: bool) -> None:
    """`rules` (those of them that are built in, as shipped) once over a short draft, and its
    cross-document comparison with itself when they have such rules; the .docx loader imported
    when the batch has .docx files."""
    if with_docx:
        import checker.loaders.docx  # noqa: F401 (lxml and python-docx, imported once for every worker)
    shipped = [rule for rule in rules if rule.shipped]
    document = document_from_text(_DRAFT, "<warm-up>")
    needs = cross_needs(shipped)
    if needs:
        from checker.crossdoc.prepare import in_memory_facts

        other = document_from_text(_DRAFT, "<warm-up>")
        document.cross = in_memory_facts(document, other, [other], needs)
    lint(document, shipped, None)
