using HomeService.CallCenter;

namespace HomeService.Silo.Seeding;

/// <summary>
/// The official holiday calendars the demo center starts with, as the State Council published them (国务院办公厅关于
/// 2025年 / 2026年部分节假日安排的通知, 国办发明电〔2024〕12号 and the notice of 2025-11-04): the holiday ranges and the
/// make-up working days (调休上班). A real center enters each year on /admin/call-center/calendar.
/// </summary>
public static class DemoCalendar
{
    public static readonly HolidayYear[] Years =
    [
        new(2025,
        [
            new("元旦", D(2025, 1, 1), D(2025, 1, 1)), new("春节", D(2025, 1, 28), D(2025, 2, 4)), new("清明节", D(2025, 4, 4), D(2025, 4, 6)),
            new("劳动节", D(2025, 5, 1), D(2025, 5, 5)), new("端午节", D(2025, 5, 31), D(2025, 6, 2)),
            new("国庆节、中秋节", D(2025, 10, 1), D(2025, 10, 8)),
        ],
        [
            new(D(2025, 1, 26), "春节"), new(D(2025, 2, 8), "春节"), new(D(2025, 4, 27), "劳动节"), new(D(2025, 9, 28), "国庆节、中秋节"),
            new(D(2025, 10, 11), "国庆节、中秋节"),
        ]),
        new(2026,
        [
            new("元旦", D(2026, 1, 1), D(2026, 1, 3)), new("春节", D(2026, 2, 15), D(2026, 2, 23)), new("清明节", D(2026, 4, 4), D(2026, 4, 6)),
            new("劳动节", D(2026, 5, 1), D(2026, 5, 5)), new("端午节", D(2026, 6, 19), D(2026, 6, 21)), new("中秋节", D(2026, 9, 25), D(2026, 9, 27)),
            new("国庆节", D(2026, 10, 1), D(2026, 10, 7)),
        ],
        [
            new(D(2026, 1, 4), "元旦"), new(D(2026, 2, 14), "春节"), new(D(2026, 2, 28), "春节"), new(D(2026, 5, 9), "劳动节"),
            new(D(2026, 9, 20), "国庆节"), new(D(2026, 10, 10), "国庆节"),
        ]),
    ];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);
}
