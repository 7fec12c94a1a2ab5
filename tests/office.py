"""LibreOffice, the real client, driven headless by the tests: converting files, and accepting or
rejecting every tracked change of a .docx through a Basic macro (Writer's own "accept all" and
"reject all"), then saving what remains as plain text.

Each `Office` has a private profile of its own (never the user's), made once: a first start with
--terminate_after_init lays the profile out, then the macro module replaces the profile's empty
Standard.Module1 (LibreOffice rewrites the basic library on a profile's first start, so the module
cannot be put there before). Macros in the profile's own library are trusted; documents' macros
never run.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SKIP_REASON = "LibreOffice not installed: apt-get install libreoffice-writer-nogui"
TIMEOUT = 120

_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Decide(inUrl As String, outUrl As String, verb As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = &quot;Hidden&quot;
  hidden(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, hidden())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  helper.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:&quot; &amp; verb &amp; &quot;AllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Text (encoded)&quot;
  out(1).Name = &quot;FilterOptions&quot;
  out(1).Value = &quot;UTF8,LF&quot;
  doc.storeToURL(outUrl, out())
  doc.close(True)
  StarDesktop.terminate()
End Sub
</script:module>
"""


class Office:
    def __init__(self, profile: Path) -> None:
        self.profile = profile
        self._macro_ready = False

    def _run(self, arguments: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess:
        command = [SOFFICE, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--invisible",
                   "--norestore", "--nolockcheck", *arguments]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False, cwd=cwd)
        assert done.returncode == 0, done.stderr
        return done

    def convert(self, files: list[Path], to: str, out: Path) -> list[Path]:
        """Every file converted to `to` ("docx", "odt", "pdf", "png", "txt:Text (encoded):UTF8") in
        one soffice process (start-up is most of the cost); the converted files' paths."""
        self._run(["--convert-to", to, "--outdir", str(out), *map(str, files)])
        suffix = to.split(":")[0]
        converted = [out / f"{file.stem}.{suffix}" for file in files]
        for path in converted:
            assert path.exists() and path.stat().st_size > 0, f"{path.name}: not written"
        return converted

    def decide_all(self, docx: Path, verb: str, out: Path) -> str:
        """The text of `docx` after Writer accepts ("Accept") or rejects ("Reject") every tracked
        change, one line per paragraph."""
        if not self._macro_ready:
            self._run(["--terminate_after_init"])
            (self.profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(_MODULE, encoding="utf-8")
            self._macro_ready = True
        self._run([f'macro:///Standard.Module1.Decide("{docx.resolve().as_uri()}","{out.resolve().as_uri()}","{verb}")'])
        assert out.exists(), f"LibreOffice wrote no {out.name}"
        return out.read_text(encoding="utf-8-sig")
