using HomeService.Web.Api.Admin;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.Sms;

/// <summary>The development SMS provider's inbox: each message as the phone would show it, so a demo or a test reads its code here.</summary>
public sealed class DevModel(SmsDevInboxReader inbox, IConfiguration config, UiText text) : PageModel
{
    public IReadOnlyList<SmsDevInboxReader.Message> Messages { get; private set; } = [];
    public string? Phone { get; private set; }
    public string? PhoneError { get; private set; }
    public bool DevelopmentProvider => (config["HomeService:Sms:Provider"] ?? "development") == "development"
        || config["HomeService:Sms:Failover"] == "development";

    public async Task OnGet(string? phone)
    {
        Phone = phone;
        if (SmsEndpoints.ReadPhone(phone) is { } filter) Messages = await inbox.Latest(filter);
        else PhoneError = text.Validation("phone", "format:phone", "sms");
    }
}
