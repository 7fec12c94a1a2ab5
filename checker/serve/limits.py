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
    worker_threads: int = 2  # threads that check files and build the Word downloads


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
