"""Everything fazhi-lint writes into Word files: cutting runs, comments, the reviewed copy, the fixed
copy, the printable checklist. Kept out of `checker.reporters` so that python-docx, slow to
import, is loaded only when a Word output is asked for."""
