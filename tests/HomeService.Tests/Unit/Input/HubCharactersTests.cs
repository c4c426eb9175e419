using System.Security.Claims;
using HomeService.Web.Localization;
using HomeService.Web.Realtime;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace HomeService.Tests.Unit.Input;

/// <summary>
/// LiveHub takes no text today; a method that takes some later is guarded by the filter, whose decision is tested here on
/// a hub of its own.
/// </summary>
public sealed class HubCharactersTests
{
    public sealed record Visit(string? Address, IReadOnlyList<string>? Notes);

    private sealed class NotesHub : Hub
    {
        public void Note(string? text, Visit? visit, UiText words, CancellationToken ct) { }
    }

    private static readonly System.Reflection.MethodInfo Note = typeof(NotesHub).GetMethod(nameof(NotesHub.Note))!;
    private static readonly ServiceProvider Services = new ServiceCollection().AddSingleton<UiText>().BuildServiceProvider();
    private static IServiceProviderIsService IsService => Services.GetRequiredService<IServiceProviderIsService>();

    [Fact]
    public void Chinese_text_and_line_breaks_are_taken() =>
        Assert.Null(HubCharacters.FirstRefused(Note, ["王先生\r\n二楼", new Visit("金水区经三路 15 号", ["上午"]), new UiText(), CancellationToken.None], IsService));

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u202e")]
    public void A_refused_character_is_named_by_the_argument_that_holds_it(string bad)
    {
        Assert.Equal("text", HubCharacters.FirstRefused(Note, [$"王{bad}", null, new UiText(), CancellationToken.None], IsService));
        Assert.Equal("visit.notes[1]", HubCharacters.FirstRefused(Note, ["王", new Visit("经三路", ["上午", bad]), new UiText(), CancellationToken.None], IsService));
    }

    [Fact]
    public async Task The_method_is_not_invoked_and_the_caller_is_told_which_argument_is_wrong()
    {
        var invocation = new HubInvocationContext(new Caller(), Services, new NotesHub(), Note, ["王\0", null, new UiText(), CancellationToken.None]);
        var invoked = false;
        var refused = await Assert.ThrowsAsync<HubException>(() => UiCulture.Under("en", () => new HubCharacters(new UiText())
            .InvokeMethodAsync(invocation, _ => { invoked = true; return ValueTask.FromResult<object?>(null); }).AsTask()));
        Assert.False(invoked);
        Assert.Equal("\"text\" contains characters that are not allowed.", refused.Message);
    }

    private sealed class Caller : HubCallerContext
    {
        public override string ConnectionId => "c1";
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }
}
