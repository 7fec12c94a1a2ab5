"""Names of the files fazhi-lint writes next to a draft. Folder walks skip them: a second run over
a folder must not check the reviewed copies of the first."""

REVIEWED_SUFFIX = ".reviewed.docx"
CHECKLIST_SUFFIX = ".checklist.docx"
FIXED_SUFFIX = ".fixed.docx"
GENERATED_SUFFIXES = (REVIEWED_SUFFIX, CHECKLIST_SUFFIX, FIXED_SUFFIX)
