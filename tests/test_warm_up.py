"""Before a batch forks its workers, the parent runs the built-in rules over a short draft of its own
(engine/warm_up.py), so that what they load on first use is loaded once and shared. A rule a user
wrote, or whose options a config changed, is never run there: the parent has no deadline."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.document import towns
from checker.engine import batch
from checker.engine.batch import Options
from checker.matching import words

USER_PACK = (
    "rules:\n"
    "  - id: XY001\n"
    "    name: old-bureau-name\n"
    "    type: existence\n"
    "    category: copy-paste\n"
    "    severity: error\n"
    "    message: 旧称「{match}」\n"
    "    source: 示例\n"
    "    options: {tokens: [某某旧局]}\n"
)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A folder whose config adds a user pack and changes a built-in rule's options, with two drafts."""
    (tmp_path / "pack.yaml").write_text(USER_PACK, encoding="utf-8")
    (tmp_path / ".fazhi-lint.yaml").write_text(
        "rules: [pack.yaml]\noptions:\n  FZ701: {tokens: [已归档, 返回首页]}\n", encoding="utf-8")
    title = "某县司法局2023年法治政府建设年度报告\n一、主要举措和成效\n"
    (tmp_path / "a.txt").write_text(title + "某某旧局全年办理复议案件12件。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(title + "全年办理复议案件12件。\n返回首页\n", encoding="utf-8")
    return tmp_path


def _recorded(files: list[str], options: Options) -> list[str]:
    """Ids of the rules the parent runs before forking, in the order run."""
    ruleset = batch._ruleset(batch.config_path_for(files[0], options), options)
    run: list[str] = []
    for rule in ruleset.rules:
        rule.check = _recording(rule.id, rule.check, run)
    batch._ready_to_fork(files, options)
    return run


def _recording(rule_id, check, run):
    def recorded(document):
        run.append(rule_id)
        return check(document)

    return recorded if check is not None else None


def test_the_built_in_rules_run_before_forking_and_the_users_do_not(office: Path):
    files = [str(office / "a.txt"), str(office / "b.txt")]
    run = _recorded(files, Options())
    assert "FZ101" in run and "FZ301" in run  # built in, as shipped
    assert "XY001" not in run  # a user's pack
    assert "FZ701" not in run  # a built-in rule whose options the config changed


def test_shipped_means_built_in_with_its_own_options(office: Path):
    assert all(rule.shipped for rule in batch._ruleset(None, Options(no_config=True)).rules)
    configured = batch._ruleset(str(office / ".fazhi-lint.yaml"), Options())
    assert not configured.by_name("old-bureau-name").shipped and not configured.by_name("web-page-debris").shipped
    assert configured.by_name("required-section-missing").shipped


def test_the_township_table_is_read_before_forking(office: Path):
    towns._table.cache_clear()
    batch._ready_to_fork([str(office / "a.txt")], Options(no_config=True))
    assert towns._table.cache_info().currsize == 1


def test_the_word_list_is_read_before_forking(office: Path):
    words._following.cache_clear()
    batch._ready_to_fork([str(office / "a.txt")], Options(no_config=True))
    assert words._following.cache_info().currsize == 1


def test_a_batch_in_workers_finds_what_one_in_process_finds(office: Path):
    """The user's rule and the configured one run in the workers, on the drafts."""
    files = [str(office / "a.txt"), str(office / "b.txt")]
    in_process = [(r.path, r.findings) for r in batch.check_files(files, Options())]
    in_workers = [(r.path, r.findings) for r in batch.check_files(files, Options(), jobs=2, timeout=30)]
    assert in_workers == in_process
    rules = {(Path(path).name, f.rule) for path, findings in in_workers for f in findings}
    assert ("a.txt", "XY001") in rules and ("b.txt", "FZ701") in rules


def test_a_rule_that_fails_on_the_short_draft_costs_the_batch_nothing(office: Path, monkeypatch):
    """A bug in a rule must cost the files it meets, not the batch: the warm-up is no exception."""
    files = [str(office / "a.txt"), str(office / "b.txt")]
    ruleset = batch._ruleset(batch.config_path_for(files[0], Options()), Options())
    broken = ruleset.by_name("required-section-missing")

    def fails(document):
        raise RuntimeError("示例故障")

    monkeypatch.setattr(broken, "check", fails)
    results = batch.check_files(files, Options(), jobs=2, timeout=30)
    assert [Path(r.path).name for r in results] == ["a.txt", "b.txt"]
    assert all(r.error and "示例故障" in r.error for r in results)
