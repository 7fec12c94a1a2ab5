"""LibreOffice run headless, the one way fazhi-lint starts it (converting old formats here, and the
tests that open our Word files in a real client).

Every run gets a private temporary profile (so it never touches, waits for or is slowed by a profile
in use, and leaves nothing behind), a profile that turns off update checks and document macros, a
timeout after which the whole process group is killed, and, where Linux user namespaces allow it
(`unshare -rn`), a network namespace with no network at all. A document is only ever opened as a
copy in the run's own folder: the original, and the folder it sits in, stay untouched (LibreOffice
writes lock files beside the files it opens).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

INSTALL_HINT = "安装 LibreOffice 后可自动转换（如 apt-get install libreoffice-writer-nogui）"
TIMEOUT = 120.0  # seconds for one run; a 2 MB .doc converts in a few seconds

# Written into each private profile before the run: no update check, document macros never run.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments">
<prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


class OfficeError(Exception):
    """LibreOffice could not do what was asked; the message says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@cache
def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@cache
def _without_network() -> tuple[str, ...]:
    """The prefix that runs a command in an empty network namespace, where the system allows it."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    try:
        works = subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=10, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        works = False
    return (unshare, "-rn") if works else ()


def run_soffice(arguments: list[str], cwd: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """Run soffice headless with `arguments` in `cwd`, in a private profile; OfficeError when it is
    missing, times out or fails."""
    program = soffice()
    if program is None:
        raise OfficeError(f"未安装 LibreOffice：{INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="fazhi-lint-office-") as profile:
        user = Path(profile, "user")
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        command = [*_without_network(), program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--invisible", "--nologo", "--norestore", "--nolockcheck", "--nodefault", *arguments]
        environment = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
        environment["HOME"] = profile
        process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL, start_new_session=True, text=True, errors="replace")
        try:
            out, err = process.communicate(timeout=timeout)
        except BaseException as error:  # a timeout, or the run itself stopped: soffice goes too
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            if isinstance(error, subprocess.TimeoutExpired):
                raise OfficeError(f"LibreOffice 超过 {timeout:.0f} 秒仍未完成，已停止") from None
            raise
    done = subprocess.CompletedProcess(command, process.returncode, out, err)
    if done.returncode != 0:
        raise OfficeError(f"LibreOffice 出错（退出码 {done.returncode}）：{(err or out).strip()[-200:]}")
    return done


@contextmanager
def converted_copy(source: str, import_filter: str, to: str = "docx", timeout: float = TIMEOUT) -> Iterator[Path]:
    """A copy of `source` read with LibreOffice's `import_filter` (e.g. "MS Word 97") and converted
    to the format `to` (an extension), in a temporary folder removed afterwards. OfficeError when
    LibreOffice cannot read or convert it."""
    with tempfile.TemporaryDirectory(prefix="fazhi-lint-convert-") as folder:
        copy = Path(folder, "source" + Path(source).suffix.lower())
        shutil.copyfile(source, copy)
        out = Path(folder, "out")
        run_soffice([f"--infilter={import_filter}", "--convert-to", to, "--outdir", str(out), copy.name], cwd=folder,
                    timeout=timeout)
        converted = out / f"{copy.stem}.{to}"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise OfficeError("文件可能已损坏，或不是它的扩展名所说的格式")
        yield converted
