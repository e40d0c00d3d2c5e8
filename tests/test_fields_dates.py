"""Dates: the forms read, their precision and zone, and what is not a date."""

import pytest

from corpusclean.fields.dates import Stamp, find_dates, parse_date, stamp_of_record, states_day, url_date


def stamp(created: str, precision: str, timezone: str | None = None) -> tuple[str, str, str | None]:
    return created, precision, timezone


def read(text: str) -> tuple[str, str, str | None] | None:
    found = parse_date(text)
    return None if found is None else (found.created, found.precision, found.timezone)


@pytest.mark.parametrize("text, expected", [
    pytest.param("2005年3月11日", stamp("2005-03-11T00:00:00", "day"), id="han-ymd"),
    pytest.param("2005 年 3 月 11 日", stamp("2005-03-11T00:00:00", "day"), id="han-ymd-spaced"),
    pytest.param("二〇〇五年三月十一日", stamp("2005-03-11T00:00:00", "day"), id="han-numerals"),
    pytest.param("二〇一九年十二月三十一日", stamp("2019-12-31T00:00:00", "day"), id="han-numerals-tens"),
    pytest.param("2005-3-11", stamp("2005-03-11T00:00:00", "day"), id="dashes-unpadded"),
    pytest.param("2005/03/11", stamp("2005-03-11T00:00:00", "day"), id="slashes"),
    pytest.param("2005.03.11", stamp("2005-03-11T00:00:00", "day"), id="dots"),
    pytest.param("05-03-11", stamp("2005-03-11T00:00:00", "day"), id="two-digit-year"),
    pytest.param("98.03.11", stamp("1998-03-11T00:00:00", "day"), id="two-digit-year-last-century"),
    pytest.param("发布日期：115-12-03", stamp("2026-12-03T00:00:00", "day"), id="taiwan-calendar-dashes"),
    pytest.param("115/03/11 14:20", stamp("2026-03-11T14:20:00", "minute"), id="taiwan-calendar-slashes-and-time"),
    pytest.param("115年3月11日", stamp("2026-03-11T00:00:00", "day"), id="taiwan-calendar-han"),
    pytest.param("民国100年1月1日", stamp("2011-01-01T00:00:00", "day"), id="taiwan-calendar-named"),
    pytest.param("115.12.03", None, id="taiwan-calendar-dots-are-a-version"),
    pytest.param("门牌110-12-3号", None, id="taiwan-calendar-unpadded-is-a-house-number"),
    pytest.param("电话0551-115-12-03", None, id="taiwan-calendar-inside-a-number"),
    pytest.param("150-01-01", None, id="taiwan-calendar-years-end-at-149"),
    pytest.param("2115-12-03", None, id="taiwan-calendar-not-after-a-digit"),
    pytest.param("发表于 2004年12月27日 12:40", stamp("2004-12-27T12:40:00", "minute"), id="time-minute"),
    pytest.param("2020-11-09 08:53:19 来源：X", stamp("2020-11-09T08:53:19", "second"), id="time-second"),
    pytest.param("2020年07月16日09:27", stamp("2020-07-16T09:27:00", "minute"), id="time-glued"),
    pytest.param("2019-09-3007:42", stamp("2019-09-30T07:42:00", "minute"), id="time-glued-to-day"),
    pytest.param("2020年10月17日星期六 09点25分", stamp("2020-10-17T09:25:00", "minute"), id="weekday-han-clock"),
    pytest.param("2019年1月2日下午3:20", stamp("2019-01-02T15:20:00", "minute"), id="afternoon"),
    pytest.param("2018-01-08T07:19:00+08:00", stamp("2018-01-08T07:19:00", "second", "+08:00"), id="iso-offset"),
    pytest.param("2018-01-08T07:19:00Z", stamp("2018-01-08T07:19:00", "second", "+00:00"), id="iso-z"),
    pytest.param("2018-01-08T07:19:00+0530", stamp("2018-01-08T07:19:00", "second", "+05:30"), id="iso-offset-compact"),
    pytest.param("Sat, 07 Sep 2019 09:00:00 GMT", stamp("2019-09-07T09:00:00", "second", "+00:00"), id="rfc-gmt"),
    pytest.param("2019-09-07 09:00 GMT+8", stamp("2019-09-07T09:00:00", "minute", "+08:00"), id="gmt-offset"),
    pytest.param("Sat, 07 Sep 2019 09:00:00 +0800", stamp("2019-09-07T09:00:00", "second", "+08:00"), id="rfc-offset"),
    pytest.param("Sat, 07 Sep 2019 09:00 -0500", stamp("2019-09-07T09:00:00", "minute", "-05:00"),
                 id="rfc-offset-without-seconds"),
    pytest.param("2019-09-07 09:00:00 +0800 CST", stamp("2019-09-07T09:00:00", "second", "+08:00"), id="go-time-string"),
    pytest.param("2019-09-07T09:00:00+08", stamp("2019-09-07T09:00:00", "second", "+08:00"), id="iso-offset-of-hours-alone"),
    pytest.param("January 8, 2018 7:19 pm", stamp("2018-01-08T19:19:00", "minute"), id="english-mdy-pm"),
    pytest.param("May 16, 2024 12:05 am", stamp("2024-05-16T00:05:00", "minute"), id="english-midnight"),
    pytest.param("Sept. 30, 2021", stamp("2021-09-30T00:00:00", "day"), id="english-abbreviated"),
    pytest.param("Published 8 January 2018", stamp("2018-01-08T00:00:00", "day"), id="english-dmy"),
    pytest.param("June 9th, 2021 08:41 PM", stamp("2021-06-09T20:41:00", "minute"), id="english-ordinal"),
    pytest.param("１２ May 2020", stamp("2020-05-12T00:00:00", "day"), id="full-width-digits"),
    pytest.param("Nov 18, 2019 at 9:24 pm ET", stamp("2019-11-18T21:24:00", "minute"), id="english-time-after-at"),
    pytest.param("November 18, 2019 | 4:10pm", stamp("2019-11-18T16:10:00", "minute"), id="english-time-after-a-bar"),
    pytest.param("November 20, 2019 / 1:07 AM / City Desk", stamp("2019-11-20T01:07:00", "minute"),
                 id="english-time-after-a-slash"),
    pytest.param("November 18, 2019 -- 19:14 GMT", stamp("2019-11-18T19:14:00", "minute", "+00:00"),
                 id="english-time-after-dashes-gmt"),
    pytest.param("Nov 18, 2019 @17:19 PM", stamp("2019-11-18T17:19:00", "minute"), id="english-time-after-an-at-sign"),
    pytest.param("Mon 18 Nov 2019 18.54 GMT", stamp("2019-11-18T18:54:00", "minute", "+00:00"), id="dotted-time-with-a-zone"),
    pytest.param("18 Nov 2019 4.10pm", stamp("2019-11-18T16:10:00", "minute"), id="dotted-time-with-pm"),
    pytest.param("May 21, 2024 4:41 PM GMT-4", stamp("2024-05-21T16:41:00", "minute", "-04:00"), id="gmt-negative-offset"),
    pytest.param("11:09 PM PDT • May 19, 2024", stamp("2024-05-19T23:09:00", "minute"), id="time-before-an-english-date"),
    pytest.param("May 10, 20243:55 PM ET", stamp("2024-05-10T15:55:00", "minute"), id="english-year-and-time-glued"),
    pytest.param("10:48, Tue, Nov 19, 2019", stamp("2019-11-19T10:48:00", "minute"), id="time-and-weekday-before-the-date"),
    pytest.param("Published 10:24 PM EST Oct 20, 2020", stamp("2020-10-20T22:24:00", "minute"), id="time-zone-then-the-date"),
    # negatives
    pytest.param("2020年1-8月", None, id="not-a-month-span"),
    pytest.param("© 1998-2021 远帆公司版权所有", None, id="not-a-copyright-span"),
    pytest.param("2018-13-40", None, id="not-month-13"),
    pytest.param("2019-02-30", None, id="not-30-february"),
    pytest.param("电话：0571-12345678", None, id="not-a-phone-number"),
    pytest.param("共计3000万元", None, id="not-an-amount"),
    pytest.param("10-08 12:00", None, id="not-without-a-year"),
    pytest.param("3小时前", None, id="not-relative-hours"),
    pytest.param("昨天 12:30", None, id="not-relative-yesterday"),
    pytest.param("Mayor 12, 2019", None, id="not-a-month-name"),
    pytest.param("版本 2019.1.1.5", None, id="not-a-version-number"),
    pytest.param("2 min read", None, id="not-a-reading-time"),
    pytest.param("May 10, 20243", None, id="not-a-year-run-into-a-number"),
    pytest.param("", None, id="empty"),
])
def test_parse_date(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("2019-09-07 10:00-12:00", stamp("2019-09-07T10:00:00", "minute"), id="span-of-hours-is-no-zone"),
    pytest.param("2019-09-07 99:99", stamp("2019-09-07T00:00:00", "day"), id="impossible-time-ignored"),
    pytest.param("June 3, 2024 18.54 million", stamp("2024-06-03T00:00:00", "day"), id="dotted-number-is-no-time"),
    pytest.param("Nov 18, 2019 at 9 pm", stamp("2019-11-18T00:00:00", "day"), id="an-hour-without-minutes-is-no-time"),
    pytest.param("2019-09-07 | 3.45 GMT", stamp("2019-09-07T03:45:00", "minute", "+00:00"), id="dotted-time-after-a-bar"),
    pytest.param("Score 3:1, May 5, 2019", stamp("2019-05-05T00:00:00", "day"), id="not-a-score-before-the-date"),
    pytest.param("12:30 2019-09-08", stamp("2019-09-08T00:00:00", "day"), id="a-time-before-a-year-first-date-is-not-read"),
])
def test_times_that_are_not_what_they_seem(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("11/19/2019", stamp("2019-11-19T00:00:00", "day"), id="month-first"),
    pytest.param("19/11/2019", stamp("2019-11-19T00:00:00", "day"), id="day-first"),
    pytest.param("11.14.2019 09:00 AM", stamp("2019-11-14T09:00:00", "minute"), id="dots-and-a-time"),
    pytest.param("11/19/19 06:56 AM EST", stamp("2019-11-19T06:56:00", "minute"), id="two-digit-year"),
    pytest.param("11/11/2019", stamp("2019-11-11T00:00:00", "day"), id="day-and-month-alike"),
    pytest.param("5:45 AM PST 11/19/2019", stamp("2019-11-19T05:45:00", "minute"), id="a-time-before-it"),
    # negatives
    pytest.param("05/06/2019", None, id="not-of-untold-order"),
    pytest.param("11.19.19", None, id="not-a-dotted-two-digit-year"),
    pytest.param("version 1.12.2019.3", None, id="not-inside-a-version-number"),
    pytest.param("3/4/2019 of the votes", None, id="not-a-fraction-of-untold-order"),
    pytest.param("2019/11/19", stamp("2019-11-19T00:00:00", "day"), id="the-year-first-stays-first"),
])
def test_dates_with_the_year_last_where_asked(text, expected):
    found = [date.stamp for date in find_dates(text, year_last=True) if date.stamp]
    assert (None if not found else (found[0].created, found[0].precision, found[0].timezone)) == expected


def test_dates_with_the_year_last_are_not_read_unasked():
    assert find_dates("Posted by: harborfan 5/21/2024 3:12:08 AM") == []


def test_every_date_of_a_line_with_its_place():
    found = find_dates("2020-10-15 13:52:08 来源：X 2005年3月11日")
    assert [(date.start, date.end) for date in found] == [(0, 19), (25, 35)]
    assert find_dates("2023-13-45 来源")[0].stamp is None  # the shape of a date, impossible values


@pytest.mark.parametrize("url, expected", [
    pytest.param("http://news.example.cn/2005-03/11/content_1.htm", "2005-03-11T00:00:00", id="year-month-slash-day"),
    pytest.param("http://www.example.gov.cn/a/20050311/1.html", "2005-03-11T00:00:00", id="compact"),
    pytest.param("http://www.example.gov.cn/zwgk/t20050311_123.htm", "2005-03-11T00:00:00", id="t-prefix"),
    pytest.param("https://www.example.cn/col/2020_10_15_627340.shtml", "2020-10-15T00:00:00", id="underscores"),
    pytest.param("https://example.com/2019/9/7/story", "2019-09-07T00:00:00", id="slashes-unpadded"),
    pytest.param("https://example.com/a/20190907123456.html", None, id="not-a-timestamp-id"),
    pytest.param("https://example.com/news/1999-2020/", None, id="not-a-year-span"),
    pytest.param("https://20190907.example.com/a.html", None, id="not-in-the-host"),
    pytest.param(None, None, id="no-url"),
])
def test_url_date(url, expected):
    found = url_date(url)
    assert (found.created if found else None) == expected
    assert found is None or found.precision == "day"


@pytest.mark.parametrize("text, stated", [
    pytest.param('<meta name="pubdate" content="2023-04-13T08:00:00">', True, id="iso"),
    pytest.param("id=20230413_1", True, id="compact"),
    pytest.param("13.04.2023", True, id="day-first"),
    pytest.param("04-13-2023, 01:42", True, id="month-first"),
    pytest.param("13-4-23 17:07", True, id="two-digit-year"),
    pytest.param("April 13, 2023", True, id="month-name"),
    pytest.param("2023年4月13日", True, id="han"),
    pytest.param("2023-04-30", False, id="another-day"),
    pytest.param("2023-04", False, id="a-month-alone"),
    pytest.param("© 2023 No. 4-13", False, id="numbers-that-are-no-date"),
    pytest.param("2023-04-130", False, id="a-longer-number"),
])
def test_states_day(text, stated):
    assert states_day(text, (2023, 4, 13)) is stated


@pytest.mark.parametrize("created, precision, timezone, expected", [
    pytest.param("2018-01-08T00:00:00", "day", None, Stamp(2018, 1, 8), id="our-record-day"),
    pytest.param("2018-01-08T07:19:00", "minute", "+08:00", Stamp(2018, 1, 8, 7, 19, 0, "minute", "+08:00"),
                 id="our-record-minute-zone"),
    pytest.param("2018-01-08", None, None, Stamp(2018, 1, 8), id="foreign-day"),
    pytest.param("2018-01-08T07:19:00Z", None, None, Stamp(2018, 1, 8, 7, 19, 0, "second", "+00:00"), id="foreign-iso"),
    pytest.param("yesterday", None, None, None, id="foreign-unreadable"),
    pytest.param("Mon, 03 May 2021 10:00:00 GMT", None, None, Stamp(2021, 5, 3, 10, 0, 0, "second", "+00:00"),
                 id="foreign-rfc-2822"),
    pytest.param("2018-01-08 (Monday)", None, None, Stamp(2018, 1, 8), id="foreign-day-and-words"),
    pytest.param("Mon, 03 May 2021 10:00:00 +0800", None, None, Stamp(2021, 5, 3, 10, 0, 0, "second", "+08:00"),
                 id="foreign-rfc-2822-offset"),
    pytest.param("Mon, 03 May 2021 10:00:00 +9999", None, None, None, id="foreign-rfc-2822-impossible-offset"),
    # a time or a zone that names no moment: kept as stated, not read as a date without it
    pytest.param("2018-01-08T07:19:00-25:00", None, None, None, id="foreign-impossible-offset"),
    pytest.param("2018-01-08T07:19:00+99:99", None, None, None, id="foreign-impossible-offset-minutes"),
    pytest.param("2018-01-08T25:00:00", None, None, None, id="foreign-impossible-hour"),
])
def test_stamp_of_record(created, precision, timezone, expected):
    assert stamp_of_record(created, precision, timezone) == expected


def test_created_has_one_shape_whatever_the_precision():
    shapes = {len(found.created) for found in map(parse_date, ("2005年3月11日", "2005-03-11 12:40", "2018-01-08T07:19:00Z"))}
    assert shapes == {19}
