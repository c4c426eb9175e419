using HomeService.WorkOrders;

namespace HomeService.Web.Api;

/// <summary>签到: Early says the worker saw they are early for the booked window and checks in anyway. No body: not confirmed.</summary>
public sealed record CheckInRequest(bool? Early);

/// <summary>
/// 签退: the extra items the worker did beyond the order, and the amount collected from the resident on the spot in yuan
/// (at most two decimals). Both may be left out; a job with nothing extra is the common case.
/// </summary>
public sealed record CheckOutRequest(string? Extras, decimal? AmountCollected)
{
    public const int MaxExtras = 500;
    public const decimal MaxAmount = 100_000m;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Extras?.Trim().Length > MaxExtras) errors["extras"] = [$"max_length:{MaxExtras}"];
        if (AmountCollected is { } amount)
        {
            if (amount < 0 || amount > MaxAmount) errors["amountCollected"] = [$"range:0–{MaxAmount:0}"];
            else if (decimal.Round(amount, 2) != amount) errors["amountCollected"] = ["format"];
        }
        return errors;
    }

    /// <summary>Money leaves the web layer in fen (分), whole numbers, as settlement will count it.</summary>
    public CheckOutSummary ToSummary() => new(Extras, AmountCollected is { } yuan ? (long)(yuan * 100) : null);
}
