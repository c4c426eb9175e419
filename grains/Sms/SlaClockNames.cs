namespace HomeService.Sms;

/// <summary>An order's deadlines (SLA clocks) as a Chinese SMS names them; an unknown clock shows as it is.</summary>
public static class SlaClockNames
{
    private static readonly Dictionary<string, string> Zh = new()
    {
        ["dispatch"] = "派单",
        ["arrival"] = "上门",
        ["completion"] = "完工",
        ["response"] = "投诉响应",
        ["resolution"] = "投诉办结",
    };

    public static string Name(string clock) => Zh.GetValueOrDefault(clock, clock);
}
