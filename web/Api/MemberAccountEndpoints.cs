using System.Security.Claims;
using HomeService.Identity;
using HomeService.Members;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Resident accounts by mobile number (会员注册/登录, 会员资料): an SMS code proves the number, then registration or a password
/// reset; a signed-in resident reads and edits their own profile, always the one their login names.
/// </summary>
public static class MemberAccountEndpoints
{
    public sealed record VerificationCodeRequest(string? Phone, string? Purpose);
    public sealed record VerificationCodeAnswer(int ExpiresInSeconds, int ResendAfterSeconds);
    public sealed record MemberRegisterRequest(string? Phone, string? Code, string? Name, string? Password);
    public sealed record MemberRegistration(string MemberId, string Login, string LandingPage);
    public sealed record PasswordResetRequest(string? Phone, string? Code, string? NewPassword);
    public sealed record MemberAddressBody(string? Label, string? Address, string? District);
    public sealed record MemberPreferencesBody(bool? Sms, bool? InApp);
    public sealed record MemberProfileRequest(string? Name, IReadOnlyList<MemberAddressBody?>? Addresses, MemberPreferencesBody? Preferences);

    private const string Context = "member";

    public static RouteGroupBuilder MapMemberAccountEndpoints(this RouteGroupBuilder api)
    {
        var member = api.MapGroup("/member").WithTags("Member accounts");
        member.MapPost("/verification-codes", SendCode).AllowAnonymous().RequireRateLimiting(Doors.Door.CodeRequest);
        member.MapPost("/register", Register).AllowAnonymous();
        member.MapPost("/password-reset", ResetPassword).AllowAnonymous();
        member.MapGet("/profile", GetProfile).RequireAuthorization(Policies.Resident);
        member.MapPut("/profile", EditProfile).RequireAuthorization(Policies.Resident);
        return api;
    }

    private static async Task<Results<Ok<VerificationCodeAnswer>, ValidationProblem, ProblemHttpResult>> SendCode(VerificationCodeRequest body, HttpContext http,
        IGrainFactory grains, UiText text)
    {
        var errors = new Dictionary<string, string[]>();
        var phone = PhoneOf(body.Phone, errors);
        if (string.IsNullOrEmpty(body.Purpose)) errors["purpose"] = ["required"];
        else if (!VerificationPurposes.All.Contains(body.Purpose)) errors["purpose"] = ["unknown"];
        if (errors.Count > 0) return Problems.Validation(text, errors, Context);

        // A code to register needs a number without an account; a code to reset or sign in needs one with.
        var entry = await grains.GetGrain<IMemberPhoneIndexGrain>(phone!).Find();
        if (body.Purpose == VerificationPurposes.Register && entry?.Login is not null) errors["phone"] = ["registered"];
        if (body.Purpose is VerificationPurposes.Reset or VerificationPurposes.Login && entry?.Login is null) errors["phone"] = ["not-registered"];
        if (errors.Count > 0) return Problems.Validation(text, errors, Context);

        var sent = await CodeRequests.Send(grains, http.Connection.RemoteIpAddress, phone!, body.Purpose!);
        if (!sent.Sent)
        {
            var wait = sent.RetryAfterSeconds;
            http.Response.Headers.RetryAfter = wait.ToString();
            return TypedResults.Problem(statusCode: 429, type: ProblemTypes.RateLimited, title: text.Format("member.code.wait", wait),
                extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = wait });
        }
        return TypedResults.Ok(new VerificationCodeAnswer(sent.ExpiresInSeconds, sent.ResendAfterSeconds));
    }

    private static async Task<Results<Created<MemberRegistration>, ValidationProblem>> Register(MemberRegisterRequest body, HttpContext http,
        IGrainFactory grains, SignInService signIn, UiText text)
    {
        var errors = new Dictionary<string, string[]>();
        var phone = PhoneOf(body.Phone, errors);
        CodeFormat(body.Code, errors);
        if (string.IsNullOrWhiteSpace(body.Name)) errors["name"] = ["required"];
        else if (body.Name.Trim().Length > MemberLimits.NameMaxLength) errors["name"] = [$"max_length:{MemberLimits.NameMaxLength}"];
        if (PasswordRules.Problem(body.Password) is { } passwordProblem) errors["password"] = [passwordProblem];
        if (errors.Count > 0) return Problems.Validation(text, errors, Context);

        var index = grains.GetGrain<IMemberPhoneIndexGrain>(phone!);
        if ((await index.Find())?.Login is not null) return Problems.Validation(text, Error("phone", "registered"), Context);
        if (CodeProblem(await grains.GetGrain<IPhoneVerificationGrain>(phone!).Verify(VerificationPurposes.Register, body.Code!.Trim())) is { } codeProblem)
            return Problems.Validation(text, Error("code", codeProblem), Context);

        var result = await index.Register(body.Name!.Trim(), SignInService.HashPassword(body.Password!), $"member:{phone}");
        if (!result.Succeeded) return Problems.Validation(text, result.Errors!, Context);
        var account = await grains.GetGrain<IUserAccountGrain>(result.Value!.Login!).Get();
        await signIn.SignInAs(http, account!);
        return TypedResults.Created("/api/member/profile", new MemberRegistration(result.Value.MemberId, result.Value.Login!, "/member"));
    }

    private static async Task<Results<NoContent, ValidationProblem>> ResetPassword(PasswordResetRequest body, IGrainFactory grains, UiText text)
    {
        var errors = new Dictionary<string, string[]>();
        var phone = PhoneOf(body.Phone, errors);
        CodeFormat(body.Code, errors);
        if (PasswordRules.Problem(body.NewPassword) is { } passwordProblem) errors["newPassword"] = [passwordProblem];
        if (errors.Count > 0) return Problems.Validation(text, errors, Context);

        if ((await grains.GetGrain<IMemberPhoneIndexGrain>(phone!).Find())?.Login is not { } login)
            return Problems.Validation(text, Error("phone", "not-registered"), Context);
        if (CodeProblem(await grains.GetGrain<IPhoneVerificationGrain>(phone!).Verify(VerificationPurposes.Reset, body.Code!.Trim())) is { } codeProblem)
            return Problems.Validation(text, Error("code", codeProblem), Context);
        await grains.GetGrain<IUserAccountGrain>(login).SetPassword(SignInService.HashPassword(body.NewPassword!), $"member:{phone}");
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MemberProfile>, ProblemHttpResult>> GetProfile(ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
        user.Find(HomeServiceClaims.MemberId) is { } id && await grains.GetGrain<IMemberGrain>(id).Get() is { } profile
            ? TypedResults.Ok(profile)
            : Problems.Status(404, ProblemTypes.NotFound, text["member.unknown"]);

    private static async Task<Results<Ok<MemberProfile>, ValidationProblem, ProblemHttpResult>> EditProfile(MemberProfileRequest body, ClaimsPrincipal user,
        IGrainFactory grains, UiText text)
    {
        if (user.Find(HomeServiceClaims.MemberId) is not { } id) return Problems.Status(404, ProblemTypes.NotFound, text["member.unknown"]);
        var errors = new Dictionary<string, string[]>();
        if (body.Addresses is { Count: > MemberLimits.MaxAddresses }) errors["addresses"] = [$"max_count:{MemberLimits.MaxAddresses}"];
        if (body.Addresses?.Any(a => a is null) == true) errors["addresses"] = ["required"];
        if (errors.Count > 0) return Problems.Validation(text, errors, Context);
        var edit = new ProfileEdit(body.Name ?? "",
            (body.Addresses ?? []).Select(a => new MemberAddress(a!.Label ?? "", a.Address ?? "", a.District ?? "")).ToList(),
            new ContactPreferences(body.Preferences?.Sms ?? true, body.Preferences?.InApp ?? true));
        var result = await grains.GetGrain<IMemberGrain>(id).EditProfile(edit, $"member:{id}");
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        return result.Errors!.ContainsKey("memberId")
            ? Problems.Status(404, ProblemTypes.NotFound, text["member.unknown"])
            : Problems.Validation(text, result.Errors!, Context);
    }

    /// <summary>The normalized mainland mobile number, or null with the field error.</summary>
    private static string? PhoneOf(string? typed, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) errors["phone"] = ["required"];
        else if (typed.Length > 20 || PhoneNumber.Normalize(typed) is var phone && !PhoneNumber.IsMobile(phone)) errors["phone"] = ["format"];
        else return phone;
        return null;
    }

    private static void CodeFormat(string? code, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(code)) errors["code"] = ["required"];
        else if (code.Trim() is var c && (c.Length != 6 || !c.All(char.IsAsciiDigit))) errors["code"] = ["length:6"];
    }

    private static string? CodeProblem(VerificationOutcome outcome) =>
        outcome == VerificationOutcome.Accepted ? null : VerificationCodeErrors.Of(outcome);

    private static Dictionary<string, string[]> Error(string field, string code) => new() { [field] = [code] };
}
