from frontend.formats import initials, long_day, moment, short_day


def test_dates_read_the_same_on_every_page() -> None:
    assert long_day("2026-03-01") == "1 Mar 2026"
    assert long_day("2026-03-01T23:10:00Z") == "1 Mar 2026"
    assert short_day("2026-11-22T08:00:00+00:00") == "22 Nov"
    assert moment("2026-11-22T08:05:00Z") == "22 Nov 2026, 08:05"
    assert (long_day(None), short_day(""), moment(None)) == ("", "", "Never")
    assert long_day("not a date") == "not a date"


def test_initials() -> None:
    assert initials("Maria del Carmen Garcia") == "MD"
    assert initials("  ") == "?"
