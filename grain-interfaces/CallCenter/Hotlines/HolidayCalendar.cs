using Orleans.Concurrency;

namespace HomeService.CallCenter;

/// <summary>
/// One year of the official holiday calendar as the State Council publishes it (国务院办公厅关于…部分节假日安排的通知): the
/// holidays (a range of days off, e.g. 春节 1-28 to 2-4) and the make-up working days (调休上班, weekend days worked).
/// An admin enters each year; a range may start in the previous December (元旦).
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.HolidayYear")]
public sealed record HolidayYear(
    [property: Id(0)] int Year,
    [property: Id(1)] IReadOnlyList<HolidayRange> Holidays,
    [property: Id(2)] IReadOnlyList<MakeUpWorkday> Workdays);

[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.HolidayRange")]
public sealed record HolidayRange(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To);

/// <summary>A weekend day that is a working day (调休上班); Name is the holiday it makes up for.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.MakeUpWorkday")]
public sealed record MakeUpWorkday(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string Name);

[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.HolidayYearVersion")]
public sealed record HolidayYearVersion(
    [property: Id(0)] HolidayYear Content,
    [property: Id(1)] int Version,
    [property: Id(2)] string ChangedBy,
    [property: Id(3)] DateTimeOffset ChangedAt);

/// <summary>
/// The holiday calendar of every year entered (key 0), in memory. Each year is versioned on its own; calls ask it what
/// kind of day a date is, so a change applies to the next call.
/// </summary>
[Alias("HomeService.CallCenter.IHolidayCalendarGrain")]
public interface IHolidayCalendarGrain : IGrainWithIntegerKey
{
    [ReadOnly, Alias("Day")] Task<DayRule> Day(DateOnly date);

    [Alias("GetYear")] Task<HolidayYearVersion?> GetYear(int year);

    [Alias("SaveYear")] Task<CommandResult<HolidayYearVersion>> SaveYear(HolidayYear content, int? baseVersion, string actor);

    /// <summary>A new version with the previous version's dates (before the first version: an empty year).</summary>
    [Alias("RevertYear")] Task<CommandResult<HolidayYearVersion>> RevertYear(int year, string actor);
}
