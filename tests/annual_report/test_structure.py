"""annual_report.structure on strings: the shapes real reports take, and the errors for what cannot be placed."""

from __future__ import annotations

import pytest

from annual_report.structure import StructureError, canonical, kind_of, read_report

FIVE_PART = """\
博州交通运输局
2024年法治政府建设年度报告
州委全面依法治州委员会办公室：
2024年，我局全面落实《法治政府建设实施纲要(2021—2025年)》。现将有关情况报告如下：
一、2024年推进法治政府建设的主要举措和成效
（一）坚持党的领导，深化交通法治建设。一是学习。二是落实。
（二）深化改革
1.优化服务。
2.推进改革。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局长认真履行第一责任人职责。
三、存在的不足和原因
一是能力不足。二是形式单一。
四、2025年推进法治政府建设的主要安排
2025年，我局将重点做好以下工作：
（一）总体思路
坚持理念引领。
（二）重点任务
①任务甲；②任务乙。
五、其他需要报告的情况
无。
博州交通运输局
2025年3月20日
审核人:张三
"""


def test_the_national_five_part_format():
    report = read_report(FIVE_PART)
    assert [(p.ordinal, p.kind) for p in report.parts] == [(1, "done"), (2, "duties"), (3, "problem"), (4, "planned"), (5, "other")]
    assert report.title == "博州交通运输局2024年法治政府建设年度报告"
    assert [p.text for p in report.opening][2] == "州委全面依法治州委员会办公室："
    assert [p.text for p in report.closing] == ["博州交通运输局", "2025年3月20日", "审核人:张三"]
    assert report.date_written == "2025-03-20" and report.closing_field("审核人") == "张三"
    first = report.parts[0]
    assert [s.heading for s in first.subsections] == ["（一）坚持党的领导，深化交通法治建设。", "（二）深化改革"]
    assert [p.text for p in first.subsections[0].paragraphs] == ["一是学习。二是落实。"]  # run in after the heading
    plan = report.parts[3]
    assert [p.text for p in plan.paragraphs] == ["2025年，我局将重点做好以下工作："]  # the part's intro
    assert [s.goal for s in plan.subsections] == [True, False]


def test_the_2023_shape_unheaded_first_subsection_and_a_heading_over_two_lines():
    text = ("一、2023年法治政府建设情况\n一是甲。二是乙。\n㈡扎实落实各项维护稳定举措,保持稳定。及时传达。\n"
            "㈢进一步深化“放管服”改革,持续优化市场化、法治化\n交通运输行业营商环境。一是丙。\n(十一)加强党的领导。一是丁。\n"
            "二、存在的问题\n一是问题。\n三、2024年工作安排\n(一)2024年工作思路及目标任务\n2024年,我局将坚持。\n(二)工作措施\n一是措施。\n"
            "四、其他需要报告的情况\n无\n博州交通运输局\n2024年3月21日\n审核人:王勇")
    with pytest.raises(StructureError) as err:  # ㈣ … ㈩ are missing before (十一)
        read_report(text)
    assert err.value.line == 6 and "subsection 4 of part 1" in err.value.problem
    text = text.replace("(十一)加强党的领导。一是丁。\n", "㈣加强党的领导。一是丁。\n")
    report = read_report(text)
    subs = report.parts[0].subsections
    assert subs[0].heading is None and [p.text for p in subs[0].paragraphs] == ["一是甲。二是乙。"]
    assert subs[2].heading == "㈢进一步深化“放管服”改革,持续优化市场化、法治化交通运输行业营商环境。" and subs[2].heading_lines == 2
    assert [p.text for p in subs[2].paragraphs] == ["一是丙。"]
    assert report.opening == [] and [p.text for p in report.closing][-1] == "审核人:王勇"


@pytest.mark.parametrize("heading, kind", [
    ("一、2023年法治政府建设情况", "done"), ("一、主要举措和成效", "done"), ("一、2024年法治政府建设工作开展情况", "done"),
    ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "duties"), ("三、履行推进法治建设第一责任人职责情况", "duties"),
    ("二、存在的问题", "problem"), ("三、存在的不足和原因", "problem"), ("二、存在的困难和问题", "problem"),
    ("三、2024年工作安排", "planned"), ("四、下一年度主要安排", "planned"), ("三、下一步工作打算", "planned"),
    ("四、2025年工作思路", "planned"), ("五、其他需要报告的情况", "other"), ("四、其他事项", "other"),
    ("六、附件", None),
])
def test_the_kind_of_a_part_comes_from_its_heading(heading, kind):
    assert kind_of(heading) == kind


def test_a_heading_the_rules_cannot_place_stops_with_its_line_and_the_fix():
    text = "一、主要举措和成效\n一是甲。\n二、附件说明\n无"
    with pytest.raises(StructureError) as err:
        read_report(text)
    assert err.value.line == 3 and "二、附件说明" in err.value.problem and 'KINDS="2=' in err.value.fix and "kind:" in err.value.fix
    assert read_report(text, {2: "other"}).parts[1].kind == "other"


@pytest.mark.parametrize("text, line, words", [
    ("前言\n", 1, "no part heading '一、'"),
    ("一、主要举措和成效\n一是甲。\n三、存在的问题\n一是乙。", 3, "where part 2 was expected"),
    ("一、主要举措和成效\n（一）甲。\n（三）乙。", 3, "subsection 2 of part 1"),
    ("一、主要举措和成效\n（一）甲。\n（一）乙。", 3, "is repeated"),
    ("一、主要举措和成效\n一是甲。\n三是乙。", 3, "'三是' where '二是'"),
    ("一、主要举措和成效\n1.甲。\n2.乙。\n2.丙。", 4, "'2.' where '3.'"),
])
def test_what_cannot_be_placed_names_the_line(text, line, words):
    with pytest.raises(StructureError) as err:
        read_report(text)
    assert err.value.line == line and words in err.value.problem


def test_markers_of_every_style_and_parts_without_subsections():
    report = read_report("一、工作情况\n1、甲。\n2、乙。\n二、存在的问题\n主要表现在：一是丙；二是丁。\n三、下一步工作打算\n（1）戊；（2）己。")
    assert [len(p.paragraphs) for p in report.parts] == [2, 1, 1]
    assert [p.kind for p in report.parts] == ["done", "problem", "planned"]


def test_line_ends_bom_and_indentation_are_layout():
    text = "\ufeff　　一、主要举措和成效\r\n　　一是甲。\r\n"
    report = read_report(text)
    assert report.parts[0].heading == "一、主要举措和成效" and report.parts[0].paragraphs[0].text == "一是甲。"
    assert canonical(text) == "一、主要举措和成效一是甲。"


def test_a_short_topic_heading_is_not_joined_with_the_next_line():
    report = read_report("一、主要举措和成效\n（一）甲乙。丙。\n（二）深化改革\n全年办理许可120件。\n（三）丁戊。己。")
    assert report.parts[0].subsections[1].heading == "（二）深化改革"


def test_a_part_whose_subsections_are_one_sentence_each_is_a_list_of_items():
    report = read_report("一、主要举措和成效\n一是甲。\n二、存在的不足\n在取得成绩的同时，也存在不足：\n（一）执法队伍建设有待加强。\n"
                         "（二）普法形式较为单一。\n三、其他需要报告的情况\n无")
    problems = report.parts[1]
    assert problems.subsections == [] and [p.text for p in problems.intro] == ["在取得成绩的同时，也存在不足："]
    assert [p.text for p in problems.paragraphs] == ["（一）执法队伍建设有待加强。", "（二）普法形式较为单一。"]


@pytest.mark.parametrize("closing", [["XX县交通运输局", "二〇二四年一月十五日", "（此件公开发布）"], ["XX局", "2025年1月"],
                                     ["2025年1月10日", "审核人：王 勇"]])
def test_closings_of_every_shape(closing):
    report = read_report("一、主要举措和成效\n一是甲。\n二、下一步工作打算\n一是乙。\n" + "\n".join(closing))
    assert [p.text for p in report.closing] == closing and len(report.parts[1].paragraphs) == 1
