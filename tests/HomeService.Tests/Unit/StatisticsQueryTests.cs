using HomeService.Web.Api;
using HomeService.Web.Localization;

namespace HomeService.Tests.Unit;

/// <summary>How the statistics query string becomes a range in Asia/Shanghai, and how a bad one is explained.</summary>
public sealed class StatisticsQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 17, 30, 0, TimeSpan.Zero); // 01:30 on the 21st in Shanghai

    private static StatisticsQuery Q(string? from = null, string? to = null, string? kind = null) => new(from, to, kind, null, null, null, null);

    [Fact]
    public void Without_dates_the_range_is_the_last_30_days_in_shanghai_today_included()
    {
        var (filter, errors) = Q().Parse(Now);
        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2026, 4, 22, 0, 0, 0, TimeSpan.FromHours(8)), filter!.From);
        Assert.Equal(new DateTimeOffset(2026, 5, 22, 0, 0, 0, TimeSpan.FromHours(8)), filter.To);
    }

    [Fact]
    public void A_date_is_a_whole_shanghai_day_and_a_timestamp_is_an_instant()
    {
        var (days, _) = Q("2026-05-01", "2026-05-31", "Service").Parse(Now);
        Assert.Equal((new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(8))),
            (days!.From, days.To));
        Assert.Equal("service", days.Kind);

        var (instants, _) = Q("2026-05-01T10:00:00Z", "2026-05-01T20:00").Parse(Now);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), instants!.From);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero), instants.To); // no offset: Shanghai time
    }

    [Theory]
    [InlineData("2026-05-02", "2026-05-01", null, "to", "Statistics end must be after the start.")]
    [InlineData("2025-01-01", "2026-01-02", null, "to", "Statistics end: the range may cover at most 366 days.")]
    [InlineData(null, null, "repair", "kind", "Order type is unknown.")]
    [InlineData("0001-01-01", null, null, "from", "Statistics start is not in the expected format.")]
    public void Bad_input_names_the_field(string? from, string? to, string? kind, string field, string english)
    {
        var (filter, errors) = Q(from, to, kind).Parse(Now);
        Assert.Null(filter);
        var code = Assert.Single(Assert.Single(errors, e => e.Key == field).Value);
        Assert.Equal(english, UiCulture.Under("en", () => new UiText().Validation(field, code, "stats")));
    }
}
