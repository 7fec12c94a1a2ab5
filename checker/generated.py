"""Names of the files fazhi-lint writes next to a draft. Folder walks skip them: a second run over
a folder must not check the reviewed copies of the first."""

REVIEWED_SUFFIX = ".reviewed.docx"
CHECKLIST_SUFFIX = ".checklist.docx"
FIXED_SUFFIX = ".fixed.docx"
GENERATED_SUFFIXES = (REVIEWED_SUFFIX, CHECKLIST_SUFFIX, FIXED_SUFFIX)
BACKUP_SUFFIX = ".bak"  # --fix --backup: the draft as it was, beside it

# Every file is written whole to a hidden ".<name>.<random>" + TEMP_SUFFIX beside it, then renamed;
# only a killed run leaves one behind (checker/leftovers.py finds them).
TEMP_SUFFIX = ".fazhi-lint.tmp"
