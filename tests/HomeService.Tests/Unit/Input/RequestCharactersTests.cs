using System.Text.Json;
using HomeService.Web.Api;

namespace HomeService.Tests.Unit.Input;

public sealed class RequestCharactersTests
{
    public sealed record Line(string? Label, string? Address);
    public sealed record Body(string? Name, IReadOnlyList<Line>? Lines, Dictionary<string, string>? Extra = null, JsonElement? Raw = null);

    [Fact]
    public void Tab_line_breaks_and_any_language_are_text() =>
        Assert.Null(RequestCharacters.FirstRefused(new Body("王\t先生\r\n", [new("家", "金水区经三路 15 号 😀 ñ")]), "body", root: true));

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u001b[31m")]
    [InlineData("\u0008")]
    [InlineData("\u202e")]
    [InlineData("\u2066")]
    public void A_control_character_or_a_bidi_override_is_named_where_it_sits(string bad)
    {
        Assert.Equal("name", RequestCharacters.FirstRefused(new Body($"王{bad}", null), "body", root: true));
        Assert.Equal("lines[1].address", RequestCharacters.FirstRefused(new Body("王", [new("家", "经三路"), new("公司", $"农业路{bad}")]), "body", root: true));
        Assert.Equal("extra.rooms", RequestCharacters.FirstRefused(new Body("王", null, new() { ["rooms"] = bad }), "body", root: true));
        Assert.Equal("raw.a[1]", RequestCharacters.FirstRefused(
            new Body("王", null, null, JsonSerializer.SerializeToElement(new { a = new[] { "x", bad } })), "body", root: true));
        Assert.Equal("orderNo", RequestCharacters.FirstRefused($"WO{bad}", "orderNo", root: true));
    }
}
