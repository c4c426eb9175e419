using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Doors;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HomeService.Web.Pages.Site;

/// <summary>
/// Free callback (免费网上呼): a resident leaves a number and a topic and the request waits in the hotline's queue
/// like a caller who chose a callback; the page then shows its place in the queue, refreshed as agents take calls.
/// One open request per number, decided by the number's <see cref="IWebCallbackGrain"/>: asking again shows the one
/// already waiting, saying so. Every request makes an agent dial the number, so the asker proves they hold it: a guest
/// with an SMS code (a landline cannot take one, so a guest asks with a mobile number), a signed-in member by their own
/// number, which they proved when they registered. Each address may also ask only so often (the callback door, which
/// the "send code" posts go through too).
/// </summary>
[EnableRateLimiting(Door.Callback)]
public sealed class CallbackModel(IClusterClient cluster, MemberContactReader members, UiText text) : PageModel, IDoorPage
{
    public static readonly IReadOnlyList<string> Topics = ["service", "complaint"];

    public Dictionary<string, string> Errors { get; } = new();
    public CallbackStatus? Status { get; private set; }

    /// <summary>The number asked again while its earlier request still waits: that one is shown, with a word why.</summary>
    [BindProperty(Name = "again", SupportsGet = true)] public bool AlreadyWaiting { get; set; }

    [BindProperty] public CallbackForm Form { get; set; } = new();

    public sealed class CallbackForm
    {
        public string? Phone { get; set; }
        public string? Topic { get; set; }
        public string? Token { get; set; }
        public string? Code { get; set; }
    }

    /// <summary>After "send code": sent, or the seconds to wait.</summary>
    public string? CodeMessage { get; private set; }

    /// <summary>The signed-in member's own number, which needs no code (shown so the page can say so).</summary>
    public string? MemberPhone { get; private set; }

    public async Task OnGet(string? id)
    {
        if (id is not null) Status = await CallbackStatus.Of(cluster, id);
        await LoadMember();
        Form = new CallbackForm { Topic = "service", Token = Guid.NewGuid().ToString("N"), Phone = MemberPhone };
    }

    public async Task<IActionResult> OnPostSendCode()
    {
        await LoadMember();
        var phone = PhoneNumber.Normalize(Form.Phone ?? "");
        if (!PhoneNumber.IsMobile(phone))
        {
            Errors["phone"] = text.Validation("phone", PhoneNumber.IsDialable(phone) ? "mobile-for-code" : "format:phone", "callback");
            return Page();
        }
        var sent = await Members.CodeRequests.Send(cluster, HttpContext.Connection.RemoteIpAddress, phone, Members.VerificationPurposes.Callback);
        CodeMessage = sent.Sent ? text.Format("order.web.code_sent", sent.ExpiresInSeconds / 60) : text.Format("member.code.wait", sent.RetryAfterSeconds);
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        await LoadMember();
        var phone = PhoneNumber.Normalize(Form.Phone ?? "");
        var proved = MemberPhone is not null && PhoneNumber.Normalize(MemberPhone) == phone;
        if (!PhoneNumber.IsDialable(phone)) Errors["phone"] = text.Validation("phone", "format:phone", "callback");
        else if (!proved && !PhoneNumber.IsMobile(phone)) Errors["phone"] = text.Validation("phone", "mobile-for-code", "callback");
        else if (!proved && string.IsNullOrWhiteSpace(Form.Code)) Errors["code"] = text.Validation("code", "required", "callback");
        if (!Topics.Contains(Form.Topic)) Errors["topic"] = text.Validation("topic", "required", "callback");
        if (string.IsNullOrWhiteSpace(Form.Token) || Form.Token.Length != 32 || !Form.Token.All(char.IsAsciiHexDigit)) Errors["form"] = text["order.web.expired"];
        if (Errors.Count > 0) return Page();
        var ticket = await cluster.GetGrain<IWebCallbackGrain>(phone).Request($"web-{Form.Token}", Form.Topic!, proved ? null : Form.Code!.Trim());
        if (ticket.CodeRefused is { } refused)
        {
            Errors["code"] = text.Validation("code", Members.VerificationCodeErrors.Of(refused), "callback");
            return Page();
        }
        return Redirect(ticket.AlreadyWaiting ? $"/callback?id={ticket.CallId}&again=true" : $"/callback?id={ticket.CallId}");
    }

    private async Task LoadMember() =>
        MemberPhone = User.Find(HomeServiceClaims.MemberId) is { } member ? (await members.Find(member))?.Phone : null;

    /// <summary>Too many requests from this address: the form again, with the wait and the hotline beside it.</summary>
    public Task Refused(string message)
    {
        Errors["form"] = message;
        return Task.CompletedTask;
    }
}

/// <summary>What the waiting resident sees of their request: waiting (with place and estimated wait), being called, or done. Nothing personal.</summary>
public sealed record CallbackStatus(string State, int? Position, int? EstimatedWaitSeconds)
{
    public static async Task<CallbackStatus?> Of(IClusterClient cluster, string callId)
    {
        if (!callId.StartsWith("web-") || callId.Length > 40) return null;
        var call = cluster.GetGrain<ICallGrain>(callId);
        var view = await call.Get();
        if (view.Dialled != "web-callback") return null;
        if (await call.WaitingPosition() is { } p) return new CallbackStatus("waiting", p.Position, p.EstimatedWaitSeconds);
        return new CallbackStatus(view.Status is CallStatus.Ended ? "done" : "calling", null, null);
    }
}
