"""A minimal .xlsx writer that streams: rows go in, bytes of the finished file come out as
they are compressed, in constant memory whatever the number of rows.

An .xlsx is a zip of XML parts. Here every string is written inline (no shared-strings
table to hold until the end), nothing goes to a temporary file, and the zip is written to
a sink that cannot seek, so `zipfile` puts each part's sizes after its data (data
descriptors) instead of going back to patch its header. The package parts (workbook,
styles, relationships) are written first, then the sheets one after the other; the central
directory closes the file.

Cells: str (inline; empty strings are left out, as openpyxl does), int, float, bool,
datetime (UTC wall-clock time, with the `yyyy-mm-dd h:mm:ss` format; an aware one is
converted to UTC first, since Excel has no time zones) and None (left out). Anything else
is written as its text. A string beginning with `=` stays text: a report never carries
formulas, so a name cannot become one.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STYLES = (
    f'{_XML}<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd h:mm:ss"/>'
    '</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
_SHEET_START = f'{_XML}<worksheet xmlns="{MAIN}"><sheetData>'.encode()
_SHEET_END = b"</sheetData></worksheet>"
_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (it counts 1900 as a leap year)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


class _Sink:
    """Keeps what the zip writer wrote until it is taken; no tell()/seek(), so zipfile streams."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        return out


class _Zip(zipfile.ZipFile):
    def __del__(self) -> None:
        # A download abandoned halfway (client gone, database error) leaves a sheet open;
        # ZipFile would try to finish the file and complain. It holds only memory: drop it.
        pass


class StreamingWorkbook:
    """Sheets named up front, filled in order: `append` rows to the current sheet,
    `next_sheet`, ..., `close`. Each call returns the bytes of the file it produced (often
    none: the compressor sends output in blocks). Not thread-safe; one thread at a time."""

    # Deflate level 1: a quarter of level 6's compression time for a file about 20% larger
    # (2.7 MB against 2.3 MB for 100,000 events; openpyxl's was 2.8 MB).
    def __init__(self, sheet_names: Sequence[str], compresslevel: int = 1) -> None:
        self.names = list(sheet_names)
        self._sink = _Sink()
        self._zip = _Zip(self._sink, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel)  # type: ignore[call-overload]
        for name, text in _package(self.names).items():
            self._zip.writestr(name, text)
        self._index = -1  # the sheet being written
        self._sheet: Any = None
        self._row = 0

    def start(self) -> bytes:
        """The package parts, written before any row."""
        return self._sink.take()

    def append(self, rows: Iterable[Sequence[Any]]) -> bytes:
        if self._sheet is None:
            self._open_next()
        r = self._row
        out = []
        for values in rows:
            r += 1
            out.append(_row(r, values))
        self._row = r
        self._sheet.write("".join(out).encode())
        return self._sink.take()

    def next_sheet(self) -> bytes:
        self._open_next()
        return self._sink.take()

    def close(self) -> bytes:
        """End the last sheet (and write any named sheet left empty), then the zip's directory."""
        while self._index < len(self.names) - 1:
            self._open_next()
        self._end_sheet()
        self._zip.close()
        return self._sink.take()

    def _open_next(self) -> None:
        self._end_sheet()
        self._index += 1
        if self._index >= len(self.names):
            raise ValueError(f"only {len(self.names)} sheets were named")
        self._sheet = self._zip.open(f"xl/worksheets/sheet{self._index + 1}.xml", "w")
        self._sheet.write(_SHEET_START)
        self._row = 0

    def _end_sheet(self) -> None:
        if self._sheet is not None:
            self._sheet.write(_SHEET_END)
            self._sheet.close()
            self._sheet = None


def _package(names: list[str]) -> dict[str, str]:
    sheets = range(1, len(names) + 1)
    return {
        "[Content_Types].xml": (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_TYPE}"/>' for i in sheets)
            + "</Types>"
        ),
        "_rels/.rels": (
            f'{_XML}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{_XML}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            + "".join(f'<sheet name={quoteattr(n)} sheetId="{i}" r:id="rId{i}"/>' for i, n in zip(sheets, names))
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_XML}<Relationships xmlns="{PKG_REL}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in sheets)
            + f'<Relationship Id="rId{len(names) + 1}" Type="{REL}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": _STYLES,
    }


def column(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


_COLUMNS = [column(i) for i in range(64)]


def _row(r: int, values: Sequence[Any]) -> str:
    cells = []
    for i, v in enumerate(values):
        if v is None or v == "":
            continue
        ref = f"{_COLUMNS[i] if i < 64 else column(i)}{r}"
        kind = type(v)
        if kind is str:
            cells.append(f'<c r="{ref}" t="inlineStr"><is>{_text(v)}</is></c>')
        elif kind is datetime:
            cells.append(f'<c r="{ref}" s="1"><v>{serial(v)!r}</v></c>')
        elif kind is bool:
            cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
        elif kind is int or kind is float:
            cells.append(f'<c r="{ref}"><v>{v!r}</v></c>')
        else:
            cells.append(_cell(ref, v))
    return f'<row r="{r}">{"".join(cells)}</row>'


def _cell(ref: str, v: Any) -> str:
    """The uncommon types: subclasses (a str enum is its value), Decimal, anything else as text."""
    if isinstance(v, Enum):
        v = v.value
    if isinstance(v, datetime):
        return f'<c r="{ref}" s="1"><v>{serial(v)!r}</v></c>'
    if isinstance(v, bool):
        return f'<c r="{ref}" t="b"><v>{int(v)}</v></c>'
    if isinstance(v, (int, float, Decimal)) and math.isfinite(v):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is>{_text(str(v))}</is></c>'


@lru_cache(maxsize=4096)  # names, emails and labels repeat row after row
def _text(value: str) -> str:
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<t xml:space="preserve">{value}</t>' if value != value.strip() else f"<t>{value}</t>"


def serial(value: datetime) -> float:
    """Days since Excel's epoch, as openpyxl computes them (so both read back the same)."""
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    delta = value - _EPOCH
    return delta.days + (delta.seconds + delta.microseconds * 1e-6) / 86400
