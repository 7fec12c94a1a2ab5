"""The review desk in the browser (`fazhi-lint serve`): one page to upload drafts, a result page
streamed file by file, downloads built by the reporters. Nothing is stored: every request works in
its own temporary folder, removed when its response is done, and no log line holds document text.

Needs the optional extra: pip install 'fazhi-lint[serve]'.
"""
