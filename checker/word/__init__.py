"""Word files: opening a draft's copy, cutting runs, comments, tracked changes, the reviewed copy,
the fixed copy, new documents. The Word reporters (reporters/docx.py, reporters/checklist_docx.py)
call it and it never imports them; kept out of `checker.reporters` so that python-docx, slow to
import, is loaded only when a Word output is asked for."""

AUTHOR = "fazhi-lint"  # who the comments and tracked changes are by
AUTHOR_INITIALS = "FL"
