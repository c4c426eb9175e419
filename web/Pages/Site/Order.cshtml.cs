using System.Globalization;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using HomeService.Web.Doors;

namespace HomeService.Web.Pages.Site;

/// <summary>
/// The online order (网络订单): a category, its required fields, the address, a day and a time slot, notes. A signed-in
/// member picks the address from their address book; a guest proves the phone number with an SMS code first (the
/// "send code" button is a second submit of the same form). A plain form post, so it works without JavaScript; a
/// hidden form token makes a double click or a refresh one order, not two.
/// </summary>
/// <remarks>Its "send code" posts go through the code-request door (only those: see <see cref="DoorSetup"/>).</remarks>
[EnableRateLimiting(Door.CodeRequest)]
public sealed class OrderModel(CatalogueReader catalogue, IClusterClient cluster, MemberContactReader members, UiText text, TimeProvider clock) : PageModel, IDoorPage
{
    /// <summary>The day's visit windows offered (Beijing time).</summary>
    public static readonly IReadOnlyList<(string Code, int StartHour, int EndHour)> Slots =
        [("08-10", 8, 10), ("10-12", 10, 12), ("13-15", 13, 15), ("15-17", 15, 17), ("17-19", 17, 19), ("19-21", 19, 21)];

    public IReadOnlyList<CatalogueReader.Category> Catalogue { get; private set; } = [];
    public CatalogueReader.Category? Category { get; private set; }
    public IReadOnlyList<string> AddressBook { get; private set; } = [];

    /// <summary>The member's labelled addresses with their districts (会员资料); picking one fills address and district.</summary>
    public IReadOnlyList<MemberContactReader.BookEntry> Book { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new();
    public string? MemberId => User.Find(HomeServiceClaims.MemberId);

    [BindProperty] public OrderForm Form { get; set; } = new();

    public sealed class OrderForm
    {
        public string? Category { get; set; }
        public Dictionary<string, string> Requirements { get; set; } = new();
        public string? Address { get; set; }
        public string? District { get; set; }
        public DateOnly? Day { get; set; }
        public string? Slot { get; set; }
        public string? Notes { get; set; }
        public string? Token { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        public string? Code { get; set; }
        public int? BookEntry { get; set; }
    }

    /// <summary>After "send code": sent, or the seconds to wait.</summary>
    public string? CodeMessage { get; private set; }

    /// <summary>Too many codes asked for from this address: the form again, the wait where "code sent" would be.</summary>
    public async Task Refused(string message)
    {
        await Load(Form.Category);
        CodeMessage = message;
    }

    public async Task<IActionResult> OnPostSendCode()
    {
        await Load(Form.Category);
        var phone = HomeService.PhoneNumber.Normalize(Form.ContactPhone ?? "");
        if (!HomeService.PhoneNumber.IsMobile(phone))
        {
            Errors["contactPhone"] = text.Validation("contactPhone", "format:phone", "order");
            return Page();
        }
        var sent = await HomeService.Members.CodeRequests.Send(cluster, HttpContext.Connection.RemoteIpAddress, phone, HomeService.Members.VerificationPurposes.Order);
        CodeMessage = sent.Sent ? text.Format("order.web.code_sent", sent.ExpiresInSeconds / 60) : text.Format("member.code.wait", sent.RetryAfterSeconds);
        return Page();
    }

    /// <summary>The order just placed (after the redirect that follows a post, so a refresh does not post again).</summary>
    public string? Placed { get; private set; }

    public async Task OnGet(string? category, string? placed)
    {
        Placed = placed is { Length: <= 32 } && placed.All(char.IsAsciiLetterOrDigit) ? placed : null;
        await Load(category);
        Form = new OrderForm
        {
            Category = Category?.Code, Token = Guid.NewGuid().ToString("N"), Day = BeijingDay(1),
            BookEntry = Book.Count > 0 ? 0 : null, Address = Book.Count > 0 ? null : AddressBook.FirstOrDefault(),
            // The address book's first entry is chosen, so its district is too.
            District = Book.Count > 0 && !string.IsNullOrEmpty(Book[0].District) ? Book[0].District : null,
        };
    }

    public async Task<IActionResult> OnPost()
    {
        await Load(Form.Category);
        var member = MemberId;
        if (member is not null && Form.BookEntry is { } pick && pick >= 0 && pick < Book.Count)
            (Form.Address, Form.District) = (Book[pick].Address, string.IsNullOrEmpty(Book[pick].District) ? Form.District : Book[pick].District);
        var (phone, name) = member is null ? (HomeService.PhoneNumber.Normalize(Form.ContactPhone ?? ""), Form.ContactName?.Trim())
            : await members.Find(member) is { } contact ? (contact.Phone, contact.Name) : ("", null);
        if (member is null && !HomeService.PhoneNumber.IsMobile(phone)) Errors["contactPhone"] = text.Validation("contactPhone", "format:phone", "order");
        if (member is null && string.IsNullOrWhiteSpace(Form.Code)) Errors["code"] = text.Validation("code", "required", "order");
        var day = Form.Day ?? default;
        var slot = Slots.FirstOrDefault(s => s.Code == Form.Slot);
        if (Form.Day is null) Errors["day"] = text.Validation("day", "required", "order");
        if (slot.Code is null) Errors["slot"] = text.Validation("slot", "required", "order");
        // Intake checks the district against the city's places (a former name is fine, a retired district is not).
        if (string.IsNullOrWhiteSpace(Form.District)) Errors["district"] = text.Validation("district", "required", "order");
        if (string.IsNullOrWhiteSpace(Form.Token) || Form.Token.Length > 64) Errors["form"] = text["order.web.expired"];
        if (Errors.Count > 0) return Page();

        var china = TimeSpan.FromHours(8);
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(slot.StartHour, 0)), china);
        var order = new NewServiceOrder("web", null, member, name, phone, Form.Category ?? "", Form.Address?.Trim() ?? "", Form.District ?? "",
            start, start.AddHours(slot.EndHour - slot.StartHour),
            Form.Requirements.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToDictionary(r => r.Key, r => r.Value.Trim()), Form.Notes?.Trim(),
            member is null ? "guest:web" : $"member:{member}");
        // The form token is the idempotency key: the same form sent twice is bound to the first order.
        var result = member is null
            ? await cluster.GetGrain<IGuestOrderGrain>(Form.Token!).Place(order, Form.Code!.Trim())
            : await cluster.GetGrain<IOrderIntakeGrain>(0).CreateServiceOnce(order, $"web:{member}", Form.Token!);
        if (result.Succeeded) return Redirect($"/order?placed={result.Value!.OrderNo}");
        // A category's own fields are named by the catalogue; the rest by the form's labels.
        var own = Category?.Terms?.Fields.ToDictionary(f => $"requirements.{f.Key}", f => UiText.IsEnglish ? f.NameEn : f.NameZh) ?? [];
        foreach (var (field, codes) in result.Errors!)
            Errors[field] = text.Validation(field, codes[0], "order", own.GetValueOrDefault(field));
        return Page();
    }

    private async Task Load(string? category)
    {
        Catalogue = await catalogue.GetTree();
        Category = Catalogue.SelectMany(t => t.Children).FirstOrDefault(c => c.Code == category);
        if (MemberId is { } member) (AddressBook, Book) = (await members.Addresses(member), await members.AddressBook(member));
    }

    private DateOnly BeijingDay(int daysAhead) => HomeService.Workers.SafetyCode.BeijingDate(clock.GetUtcNow()).AddDays(daysAhead);

    public static string SlotLabel(string code) => code.Replace("-", ":00–") + ":00";

    public static string Today(TimeProvider clock) =>
        HomeService.Workers.SafetyCode.BeijingDate(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
