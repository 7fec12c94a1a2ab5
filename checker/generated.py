"""Names of the files fazhi-lint writes next to a draft. Folder walks skip them: a second run over
a folder must not check the reviewed copies of the first."""

import os
import re

REVIEWED_SUFFIX = ".reviewed.docx"
CHECKLIST_SUFFIX = ".checklist.docx"
FIXED_SUFFIX = ".fixed.docx"
GENERATED_SUFFIXES = (REVIEWED_SUFFIX, CHECKLIST_SUFFIX, FIXED_SUFFIX)
BACKUP_SUFFIX = ".bak"  # --fix --backup: the draft as it was, beside it

# Every file is written whole to a hidden ".<name>.<random>" + TEMP_SUFFIX beside it, then renamed;
# only a killed run leaves one behind (checker/leftovers.py finds them).
TEMP_SUFFIX = ".fazhi-lint.tmp"
_TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))


def is_temporary(path: str) -> bool:
    """Whether `path` is named like one of our temporary files (tempfile.mkstemp's 8 random characters)."""
    return bool(_TEMP_NAME.fullmatch(os.path.basename(path)))
