using HomeService.Credit;

namespace HomeService.Tests.Unit.Credit;

public sealed class CreditLevelTests
{
    private static readonly IReadOnlyList<int> Thresholds = new CreditPolicy().LevelThresholds;

    [Theory]
    [InlineData(-5, "none")]
    [InlineData(3, "none")]
    [InlineData(4, "heart:1")]
    [InlineData(10, "heart:1")]
    [InlineData(11, "heart:2")]
    [InlineData(150, "heart:4")]
    [InlineData(151, "heart:5")]
    [InlineData(251, "diamond:1")]
    [InlineData(5001, "diamond:5")]
    [InlineData(99999, "diamond:5")]
    public void Levels_go_from_hearts_to_diamonds_at_the_thresholds(int points, string level) =>
        Assert.Equal(level, CreditLevel.FromPoints(points, Thresholds).ToString());

    [Fact]
    public void Level_points_count_good_as_one_neutral_as_nothing_and_bad_as_minus_one()
    {
        var account = new CreditAccount(new CreditLedger(), new CreditPolicy());
        foreach (var stars in new[] { 5, 5, 4, 5, 3, 2, 5 }) account.Rate(stars, "o", DateTimeOffset.UnixEpoch);
        Assert.Equal(4, account.Ledger.LevelPoints);
        Assert.Equal("♥", account.Level.Symbols);
    }

    [Fact]
    public void Thresholds_are_configurable() =>
        Assert.Equal("diamond:1", CreditLevel.FromPoints(6, [1, 2, 3, 4, 5, 6]).ToString());
}
