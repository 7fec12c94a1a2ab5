"""A small Python API over the pipeline, for scripts, tests and the web front."""

from __future__ import annotations

from functools import cache

from checker.document import analyse
from checker.document.context import report_context
from checker.document.model import Document, GivenContext
from checker.engine.config import Config
from checker.engine.run import lint
from checker.engine.selection import RuleSet, build_ruleset
from checker.findings import Finding
from checker.loaders.txt import parse_text


def document_from_text(text: str, path: str = "<text>") -> Document:
    return analyse(parse_text(text, path))


def give_context(document: Document, *, body: str | None = None, region: list[str] | None = None,
                 year: int | None = None) -> None:
    """The document's report context decided again with the given values winning (none given: as inferred)."""
    if (body, region, year) != (None, None, None):
        origin = {key: "api" for key, value in (("body", body), ("region", region), ("year", year)) if value is not None}
        given = GivenContext(body, tuple(region) if region is not None else None, year, origin)
        document.context = report_context(document, given)


def lint_document(
    document: Document,
    *,
    select: list[str] = (),
    ignore: list[str] = (),
    year: int | None = None,
    body: str | None = None,
    region: list[str] | None = None,
    config: Config | None = None,
    previous: Document | None = None,
    others: list[Document] = (),
) -> list[Finding]:
    """Findings of the (selected) rules on an analysed document, with optional context overrides;
    compared with last year's report (`previous`) and the other drafts of its batch (`others`) if given."""
    give_context(document, body=body, region=region, year=year)
    ruleset = build_ruleset(config, list(select), list(ignore)) if config else _default_ruleset(tuple(select), tuple(ignore))
    rules = ruleset.selected()
    if previous is not None or others:
        from checker.crossdoc.prepare import in_memory_facts

        document.cross = in_memory_facts(document, previous, list(others), rules)
    context_rule = next((r for r in rules if r.name == "context-unknown"), None)
    return lint(document, rules, context_rule)


@cache
def _default_ruleset(select: tuple[str, ...], ignore: tuple[str, ...]) -> RuleSet:
    """Built-in packs compile once per process, however many texts are linted."""
    return build_ruleset(Config(), list(select), list(ignore))


def lint_text(text: str, *, previous: str | None = None, others: list[str] = (), **kwargs) -> list[Finding]:
    """`previous`: last year's report as text; `others`: the other drafts of the batch, as texts."""
    if previous is not None:
        kwargs["previous"] = document_from_text(previous, "<去年的报告>")
    if others:
        kwargs["others"] = [document_from_text(other, f"<草稿{number}>") for number, other in enumerate(others, 1)]
    return lint_document(document_from_text(text), **kwargs)
