using HomeService.Broadcasts;

namespace HomeService.Tests.Unit;

public sealed class BroadcastBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("", 30, "text", "required")]
    [InlineData("   ", 30, "text", "required")]
    [InlineData("ok", 0, "minutes", "range:1-1440")]
    [InlineData("ok", 1441, "minutes", "range:1-1440")]
    public void Invalid_commands_name_the_field_and_the_rule(string text, int minutes, string field, string code)
    {
        var errors = BroadcastBoard.Validate(new PostBroadcast(text, minutes, "班长"));
        Assert.Equal([code], errors[field]);
    }

    [Fact]
    public void Text_longer_than_500_characters_is_refused_and_500_is_accepted()
    {
        Assert.Equal(["max_length:500"], BroadcastBoard.Validate(new PostBroadcast(new string('字', 501), 5, "班长"))["text"]);
        Assert.Empty(BroadcastBoard.Validate(new PostBroadcast(new string('字', 500), 5, "班长")));
    }

    [Fact]
    public void A_posted_broadcast_is_visible_until_it_expires_and_then_expires_by_the_clock()
    {
        var board = new BroadcastBoard();
        var posted = board.Post(new PostBroadcast("  今天加班  ", 30, "班长"), Guid.NewGuid(), Now);
        board.Apply(posted);

        Assert.Equal("今天加班", Assert.Single(board.Visible(Now.AddMinutes(29))).Text);
        Assert.Empty(board.Expire(Now.AddMinutes(29)));
        Assert.Equal(Now.AddMinutes(30), board.NextExpiry);

        Assert.Empty(board.Visible(Now.AddMinutes(30)));
        var expired = Assert.Single(board.Expire(Now.AddMinutes(30)));
        Assert.Equal("expired", expired.Reason);
        board.Apply(expired);
        Assert.Null(board.NextExpiry);
    }

    [Fact]
    public void Retracting_an_unknown_broadcast_changes_nothing()
    {
        var board = new BroadcastBoard();
        board.Apply(board.Post(new PostBroadcast("a", 5, "班长"), Guid.NewGuid(), Now));
        Assert.Null(board.Retract(Guid.NewGuid(), "supervisor", Now));
        Assert.Single(board.Active);
    }
}
