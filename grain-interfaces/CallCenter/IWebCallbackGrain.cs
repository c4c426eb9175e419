using HomeService.Members;

namespace HomeService.CallCenter;

/// <summary>
/// The website callbacks (免费网上呼) of one phone number, keyed by the normalized number. One activation per number is
/// what makes "one waiting request per number" hold when the same number is posted from several tabs or web hosts at once.
/// </summary>
[Alias("HomeService.CallCenter.IWebCallbackGrain")]
public interface IWebCallbackGrain : IGrainWithStringKey
{
    /// <summary>
    /// Queues a callback under the call id given (the form's token), unless the number already has one waiting or
    /// ringing: then that one is the answer and nothing new is queued. <paramref name="code"/> is the number's SMS code
    /// of purpose <see cref="VerificationPurposes.Callback"/>; null only when the web host has already proved the number
    /// (a signed-in member's own). The same call id asked again is the same request, and its code is not asked again.
    /// </summary>
    [Alias("Request")] Task<WebCallbackTicket> Request(string callId, string topic, string? code);
}

/// <summary>
/// The request a resident is shown: theirs, or the one their number already had waiting (<see cref="AlreadyWaiting"/>);
/// or none, when the code did not prove the number (<see cref="CodeRefused"/> says how).
/// </summary>
[GenerateSerializer, Alias("HomeService.CallCenter.WebCallbackTicket")]
public sealed record WebCallbackTicket(
    [property: Id(0)] string? CallId,
    [property: Id(1)] bool AlreadyWaiting,
    [property: Id(2)] VerificationOutcome? CodeRefused = null);
