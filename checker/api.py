"""A small Python API over the pipeline, for scripts, tests and the web front."""

from __future__ import annotations

from functools import lru_cache

from checker.document.model import Document
from checker.engine.config import Config
from checker.engine.registry import cross_needs
from checker.engine.run import lint
from checker.engine.selection import RULESETS_KEPT, RuleSet, build_ruleset
from checker.findings import Finding
from checker.loaders import document_from_text


def lint_document(
    document: Document,
    *,
    select: list[str] = (),
    ignore: list[str] = (),
    config: Config | None = None,
    previous: Document | None = None,
    others: list[Document] = (),
) -> list[Finding]:
    """Findings of the (selected) rules on an analysed document (its context as analysis decided it:
    give body/region/year to document_from_text or analyse); compared with last year's report
    (`previous`) and the other drafts of its batch (`others`) if given."""
    ruleset = build_ruleset(config, list(select), list(ignore)) if config else _default_ruleset(tuple(select), tuple(ignore))
    rules = ruleset.selected()
    if previous is not None or others:
        from checker.crossdoc.prepare import in_memory_facts

        document.cross = in_memory_facts(document, previous, list(others), cross_needs(rules))
    context_rule = next((r for r in rules if r.name == "context-unknown"), None)
    return lint(document, rules, context_rule)


@lru_cache(maxsize=RULESETS_KEPT)
def _default_ruleset(select: tuple[str, ...], ignore: tuple[str, ...]) -> RuleSet:
    """Built-in packs compile once per selection, however many texts are linted (RULESETS_KEPT)."""
    return build_ruleset(Config(), list(select), list(ignore))


def lint_text(text: str, *, previous: str | None = None, others: list[str] = (), body: str | None = None,
              region: list[str] | None = None, year: int | None = None, **kwargs) -> list[Finding]:
    """`previous`: last year's report as text; `others`: the other drafts of the batch, as texts;
    `body`/`region`/`year`: this draft's context, given (they win over what the text says)."""
    if previous is not None:
        kwargs["previous"] = document_from_text(previous, "<去年的报告>")
    if others:
        kwargs["others"] = [document_from_text(other, f"<草稿{number}>") for number, other in enumerate(others, 1)]
    return lint_document(document_from_text(text, body=body, region=region, year=year), **kwargs)
