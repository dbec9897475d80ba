"""The streaming .xlsx writer: what goes in reads back the same through openpyxl."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from backend.activity.models import ActivityKind
from backend.reports.spreadsheet import StreamingWorkbook, column

WHEN = datetime(2026, 1, 2, 3, 4, 5, 123000)


def _written(names: list[str], *sheets: list[list[object]]) -> bytes:
    book = StreamingWorkbook(names)
    parts = [book.start()]
    for i, rows in enumerate(sheets):
        if i:
            parts.append(book.next_sheet())
        parts.append(book.append(rows[:1]))
        parts.append(book.append(rows[1:]))  # rows keep their numbers across appends
    parts.append(book.close())
    return b"".join(parts)


def test_values_read_back_as_written() -> None:
    row = ["Ann", 3, None, 2.5, True, "", " padded ", "a & b <c>", "=1+1", ActivityKind.LOGIN, Decimal("1.5"),
           datetime(2026, 1, 2, 5, 4, 5, 123000, tzinfo=timezone(timedelta(hours=2))), "bell\x07"]
    body = _written(["Summary", "Sales & <more>"], [["Title"], [], row], [["When"], [WHEN]])
    wb = load_workbook(BytesIO(body))
    assert wb.sheetnames == ["Summary", "Sales & <more>"]
    summary = [tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    assert summary[0][0] == "Title" and not any(summary[1])
    assert summary[2] == ("Ann", 3, None, 2.5, True, None, " padded ", "a & b <c>", "=1+1", "login", 1.5, WHEN, "bell")
    assert wb.worksheets[0]["I3"].data_type == "s"  # a name that looks like a formula stays text
    assert wb.worksheets[1]["A2"].value == WHEN and wb.worksheets[1]["A2"].number_format == "yyyy-mm-dd h:mm:ss"


def test_named_sheets_left_empty_are_still_written() -> None:
    book = StreamingWorkbook(["One", "Two"])
    wb = load_workbook(BytesIO(book.start() + book.append([["x"]]) + book.close()), read_only=True)
    assert wb.sheetnames == ["One", "Two"]
    assert [tuple(r) for r in wb["Two"].iter_rows(values_only=True)] == []


def test_columns_past_z() -> None:
    assert [column(i) for i in (0, 25, 26, 51, 52, 701, 702)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]
    wb = load_workbook(BytesIO(_written(["Wide"], [list(range(100))])), read_only=True)
    assert next(wb["Wide"].iter_rows(values_only=True)) == tuple(range(100))
