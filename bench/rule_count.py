"""Rule-count growth of the substitution type (the term lists of rules/terms.yaml), in the style of
bench_rule_growth.py (which measures the gazetteer and the existence type): the same 10 real swaps
alone, then with 990 more, over the same document; the ratio should stay ≤ 1.15×.

The 990 never occur in the document as words, but are made of characters that do (a misspelling
list is: 做为, 布署…). Terms of rare characters (CJK Extension A) would flatter a regex
alternation, which rejects a position by its first character before trying any branch.
"""

from __future__ import annotations

import random

from bench_rule_growth import Row, _best_of, document_of, in_whole_lint

from checker.document.model import Document
from checker.engine.ruleset import load_rules
from checker.rules import substitution

REAL_SWAPS = {"做为": "作为", "布署": "部署", "再接再励": "再接再厉", "一如继往": "一如既往", "截止(?=\\d)": "截至",
              "法制政府": "法治政府", "权利清单": "权力清单", "法制宣传教育": "法治宣传教育", "贯彻落实落实": "贯彻落实",
              "近(\\d+)余": "近\\1"}


def absent_terms(document: Document, count: int, seed: int = 8) -> list[str]:
    """`count` words of 2–4 of the document's own Chinese characters that it never contains."""
    text = "\n".join(p.text for p in document.paragraphs)
    alphabet = sorted({c for c in text if "\u4e00" <= c <= "\u9fff"})
    rng, terms = random.Random(seed), set()
    while len(terms) < count:
        term = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 4)))
        if term not in text:
            terms.add(term)
    return sorted(terms)


def substitution_growth(repeat: int = 5, copies: int = 20) -> list[Row]:
    """The substitution rule alone, then as one more rule in a whole lint."""
    document = document_of(copies)
    defaults = {name: option.default for name, option in substitution.OPTIONS.items() if not option.required}
    large = REAL_SWAPS | {term: "替换" for term in absent_terms(document, 1000 - len(REAL_SWAPS))}
    checks = [substitution.compile({**defaults, "swap": swaps}) for swaps in (REAL_SWAPS, large)]
    alone = _best_of(repeat, *(lambda c=check: list(c(document)) for check in checks))
    rules = [rule for rule in load_rules() if rule.check is not None]
    in_lint = in_whole_lint(document, rules, substitution.TYPE, checks, repeat)
    return [Row("substitution 词表", "10 条", "1000 条", *alone, alone=True),
            Row(f"全部{len(rules)}条规则＋substitution 词表", "10 条", "1000 条", *in_lint)]
