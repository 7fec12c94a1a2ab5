"""Checks across documents: a draft against last year's report, and the drafts of a batch against each other.

The per-document engine sees one document at a time (in worker processes with --jobs). Cross-document
facts are found before it, in a pass of their own (prepare.py): each file's fingerprint is computed
where the file is loaded (fingerprint.py, in the workers), the fingerprints are compared in the main
process (compare.py, linear in the batch through an index of shingles), and each file's facts (its
last-year report, the paragraphs it shares with drafts of other bodies) are handed to the ordinary
check of that file (facts.py), with what the pass decided when it read the file and its last-year
report (their report context, title block and outline), which the check restores instead of deciding
it again. Rule types in checker/rules/ turn those facts into findings, so
selection, severities, suppressions and every output format treat them like any other finding.
"""
