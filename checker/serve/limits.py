"""What one request may send, and the messages (in Chinese, shown in the page) when it sends more."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 10 * MB  # one draft, uploaded or inside a zip
    request_bytes: int = 40 * MB  # the whole upload
    files: int = 50  # drafts checked in one request, zip entries included
    zip_entries: int = 200  # entries listed in one zip (folders and skipped files included)
    zip_unpacked_bytes: int = 100 * MB  # everything one zip unpacks to
    zip_ratio: int = 100  # unpacked / packed size of one entry above which it is taken for a bomb
    field_chars: int = 200  # the body and year fields
    concurrent_requests: int = 8  # requests checked at once; the others wait their turn
    worker_threads: int = 2  # threads that check files and build the Word downloads (one is the quick lane's)
    # The per-request budget: a file that would start past it is reported, not checked.
    request_seconds: float = 120.0  # worker time one request may use
    request_paragraphs: int = 60_000  # paragraphs of all the request's drafts together
    # Fairness: past this much worker time a request leaves the quick lane (see workspace.py), and
    # the Word files of a draft with more paragraphs than this go to the long lane at once.
    quick_seconds: float = 2.0
    heavy_paragraphs: int = 2_000


def size_text(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{max(1, size // 1024)} KB"


class LimitError(Exception):
    """The request as a whole is refused; `message` is shown in the page."""

    def __init__(self, message: str, status: int = 413) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def request_too_large(limits: Limits) -> LimitError:
    return LimitError(f"一次上传的文件总大小不能超过 {size_text(limits.request_bytes)}，请分批上传。")


def too_many_files(limits: Limits) -> LimitError:
    return LimitError(f"一次最多检查 {limits.files} 个文件（含压缩包中的文件），请分批上传。")


def file_too_large(limits: Limits) -> str:
    return f"文件超过 {size_text(limits.file_bytes)}，未检查。草稿中如有大图片，可删去图片后再上传。"


def over_time_budget(limits: Limits) -> str:
    return (f"本次上传的检查已用去 {limits.request_seconds:g} 秒（每次上传的时限），此文件未检查。"
            "请把剩下的文件另行上传。")


def over_paragraph_budget(limits: Limits) -> str:
    return (f"本次上传的文件合计超过 {limits.request_paragraphs} 段（每次上传的限额），此文件未检查。"
            "请把它单独上传，或分批上传。")
