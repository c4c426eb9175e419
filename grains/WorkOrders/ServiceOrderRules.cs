
namespace HomeService.WorkOrders;

/// <summary>What a new service order must have, as field errors with domain codes.</summary>
public static class ServiceOrderRules
{
    public static readonly IReadOnlyList<string> Channels = ["phone", "web", "callback", "partner"];

    public static Dictionary<string, string[]> Validate(NewServiceOrder order, bool categoryExists, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Channels.Contains(order.Channel)) errors["channel"] = ["unknown"];
        if (!PhoneNumber.IsDialable(PhoneNumber.Normalize(order.ContactPhone))) errors["contactPhone"] = ["format:phone"];
        if (string.IsNullOrWhiteSpace(order.Category)) errors["category"] = ["required"];
        else if (!categoryExists) errors["category"] = ["unknown"];
        if (string.IsNullOrWhiteSpace(order.Address)) errors["address"] = ["required"];
        else if (order.Address.Length > 200) errors["address"] = ["max_length:200"];
        if (string.IsNullOrWhiteSpace(order.District)) errors["district"] = ["required"];
        if (order.WindowStart == default) errors["windowStart"] = ["required"];
        if (order.WindowEnd == default) errors["windowEnd"] = ["required"];
        else if (order.WindowEnd <= order.WindowStart) errors["windowEnd"] = ["after-start"];
        else if (order.WindowEnd < now) errors["windowEnd"] = ["in-the-past"];
        if (order.ContactName is { Length: > 50 }) errors["contactName"] = ["max_length:50"];
        if (order.Notes is { Length: > 1000 }) errors["notes"] = ["max_length:1000"];
        return errors;
    }
}
