using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace HomeService.Web.Pages.Site;

/// <summary>
/// Interactive services (交互式服务): a member asks a question, complains or suggests, and each form becomes the matching
/// work order (consultation, complaint, suggestion) in the agents' queues. A complaint names one of the member's own
/// orders, and the merchant and worker it is against come from that order, not from the form.
/// </summary>
public sealed class AskModel(IClusterClient cluster, NpgsqlDataSource db, MemberContactReader members, UiText text) : PageModel
{
    public static readonly IReadOnlyList<string> Kinds = ["consultation", "complaint", "suggestion"];

    public sealed record OwnOrder(string OrderNo, string? Category, DateTimeOffset CreatedAt);

    public IReadOnlyList<OwnOrder> Orders { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new();
    public string? Done { get; private set; }
    public string? MemberId => User.Find(HomeServiceClaims.MemberId);

    [BindProperty] public AskForm Form { get; set; } = new();

    public sealed class AskForm
    {
        public string? Kind { get; set; }
        public string? Text { get; set; }
        public string? RelatedOrderNo { get; set; }
        public string? Token { get; set; }
    }

    public async Task OnGet(string? kind, string? done)
    {
        Done = done is { Length: <= 32 } && done.All(char.IsAsciiLetterOrDigit) ? done : null;
        if (MemberId is { } member) Orders = await OwnOrders(member);
        Form = new AskForm { Kind = Kinds.Contains(kind) ? kind : "consultation", Token = Guid.NewGuid().ToString("N") };
    }

    public async Task<IActionResult> OnPost()
    {
        if (MemberId is not { } member) return Challenge();
        Orders = await OwnOrders(member);
        if (!Kinds.Contains(Form.Kind)) Errors["kind"] = text.Validation("kind", "required", "ask");
        if (string.IsNullOrWhiteSpace(Form.Token) || Form.Token.Length > 64) Errors["form"] = text["order.web.expired"];
        var related = Form.Kind == "complaint" ? Orders.FirstOrDefault(o => o.OrderNo == Form.RelatedOrderNo) : null;
        if (Form.Kind == "complaint" && related is null) Errors["relatedOrderNo"] = text.Validation("relatedOrderNo", "required", "ask");
        if (Errors.Count > 0) return Page();

        var (phone, name) = await members.Find(member) is { } contact ? (contact.Phone, contact.Name) : ("", null);
        var intake = cluster.GetGrain<IOrderIntakeGrain>(0);
        var source = $"web:{member}";
        CommandResult<WorkOrderView> result;
        if (Form.Kind == "complaint")
        {
            // Whom it is against is read from the member's own order, never taken from the form.
            var order = await cluster.GetGrain<IWorkOrderGrain>(related!.OrderNo).Get();
            result = await intake.CreateComplaintOnce(new NewComplaint("web", member, name, phone, related.OrderNo, order?.MerchantId, order?.WorkerId, "medium",
                Form.Text?.Trim() ?? "", $"member:{member}"), source, Form.Token!);
        }
        else
            result = await intake.CreateInquiryOnce(new NewInquiry(Form.Kind == "suggestion" ? WorkOrderKind.Suggestion : WorkOrderKind.Consultation, "web",
                member, name, phone, Form.Text?.Trim() ?? "", $"member:{member}"), source, Form.Token!);
        if (result.Succeeded) return Redirect($"/ask?done={result.Value!.OrderNo}");
        foreach (var (field, codes) in result.Errors!)
            Errors[field is "description" ? "text" : field] = text.Validation(field is "description" ? "text" : field, codes[0], "ask");
        return Page();
    }

    private async Task<IReadOnlyList<OwnOrder>> OwnOrders(string memberId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT order_no, category_code, created_at FROM work_order WHERE member_id = $1 AND kind = 'service' ORDER BY created_at DESC LIMIT 20
            """);
        cmd.Parameters.Add(new() { Value = memberId });
        var orders = new List<OwnOrder>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) orders.Add(new OwnOrder(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)));
        return orders;
    }
}
