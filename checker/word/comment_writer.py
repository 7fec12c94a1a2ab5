"""Writing Word comments in linear time.

python-docx's `Document.add_comment` looks for the next free comment id with an XPath over every
comment already written, so a draft with thousands of findings took quadratic time (issue 21
item 7). Here the ids are counted once, from the largest id the file already has (a reviewer's own
comments keep theirs, and so do revisions and bookmarks), and each comment is built and its range marked directly: the same XML
python-docx writes (w:comment with author, initials, date; the CommentText paragraph style and
the annotationRef run; commentRangeStart/End and a commentReference run in the body).
"""

from __future__ import annotations

import copy
import datetime as dt

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from checker.word import AUTHOR, AUTHOR_INITIALS

_ID = qn("w:id")


def _styled(tag: str, style_tag: str, style: str):
    element = OxmlElement(tag)
    properties = OxmlElement(f"{tag}Pr")
    style_element = OxmlElement(style_tag)
    style_element.set(qn("w:val"), style)
    properties.append(style_element)
    element.append(properties)
    return element


def _text_run():
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run


def _reference_run(mark: str):
    run = _styled("w:r", "w:rStyle", "CommentReference")
    run.append(OxmlElement(mark))
    return run


def _paragraph(first: bool):
    p = _styled("w:p", "w:pStyle", "CommentText")
    if first:  # Word's own first paragraph opens with the mark that ties it to the range
        p.append(_reference_run("w:annotationRef"))
    p.append(_text_run())
    return p


# Made once and copied: building each element anew through python-docx's OxmlElement cost most of
# the time of a large annotate.
_FIRST_PARAGRAPH, _NEXT_PARAGRAPH = _paragraph(True), _paragraph(False)
_BODY_REFERENCE = _reference_run("w:commentReference")
_RANGE_START, _RANGE_END = OxmlElement("w:commentRangeStart"), OxmlElement("w:commentRangeEnd")
_T = qn("w:t")
_COMMENT = OxmlElement("w:comment")


def _comment_paragraph(text: str, first: bool):
    p = copy.deepcopy(_FIRST_PARAGRAPH if first else _NEXT_PARAGRAPH)
    t = next(p.iter(_T))
    if text:
        t.text = text
    else:
        t.getparent().getparent().remove(t.getparent())
    return p


def _with_id(template, comment_id: str):
    element = copy.deepcopy(template)
    element.set(_ID, comment_id)
    return element


class CommentWriter:
    """Adds comments by fazhi-lint to one python-docx Document."""

    def __init__(self, word) -> None:
        self._comments = word.comments._comments_elm  # creates the comments part when the file has none
        # above every id in use, the body's revisions and bookmarks included (annotate --fix writes both)
        used = [*self._comments.xpath("./w:comment/@w:id"), *word.element.body.xpath(".//@w:id")]
        self._next_id = max((int(i) for i in used if i.lstrip("-").isdigit()), default=-1) + 1
        self._date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.count = 0

    def add(self, first_run, last_run, text: str) -> None:
        """A comment reading `text` (lines become paragraphs) on the runs from `first_run` to
        `last_run` (w:r elements, the same one for a single run)."""
        comment_id = str(self._next_id)
        self._next_id += 1
        comment = copy.deepcopy(_COMMENT)
        for name, value in (("id", comment_id), ("author", AUTHOR), ("date", self._date), ("initials", AUTHOR_INITIALS)):
            comment.set(qn(f"w:{name}"), value)
        for index, line in enumerate(text.split("\n")):
            comment.append(_comment_paragraph(line, index == 0))
        self._comments.append(comment)
        first_run.addprevious(_with_id(_RANGE_START, comment_id))
        reference = copy.deepcopy(_BODY_REFERENCE)
        reference[-1].set(_ID, comment_id)
        last_run.addnext(reference)
        last_run.addnext(_with_id(_RANGE_END, comment_id))
        self.count += 1
