namespace HomeService.Sms;

/// <summary>How a notice may be timed: a code or an expiring offer goes at once; a notice about a resident's own order may wait for morning.</summary>
public enum SmsUrgency
{
    /// <summary>Someone is waiting for it right now (a code, an offer that expires): never held by quiet hours.</summary>
    Now,
    /// <summary>An operational notice: held through quiet hours, but never stopped by an opt-out.</summary>
    Notice,
    /// <summary>Marketing and group notices: held through quiet hours, stopped by an opt-out, and carries the opt-out text.</summary>
    Marketing,
}

/// <summary>
/// One kind of SMS the center sends: its Simplified Chinese text with ${name} placeholders, the placeholders in the order
/// a positional provider (Tencent Cloud's TemplateParamSet) takes them, and the longest value each may carry, so the
/// longest message it can become is known before a provider approves it.
/// </summary>
public sealed record SmsTemplate(string Kind, string Text, IReadOnlyList<SmsTemplateParam> Params, SmsUrgency Urgency)
{
    /// <summary>The message as the phone shows it, after the sign name (values cut as <see cref="Values"/> cuts them).</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var text = Text;
        var fitted = Values(values);
        for (var i = 0; i < Params.Count; i++) text = text.Replace("${" + Params[i].Name + "}", fitted[i]);
        return text;
    }

    /// <summary>The values in placeholder order, each cut to its longest allowed length.</summary>
    public IReadOnlyList<string> Values(IReadOnlyDictionary<string, string> values) =>
        Params.Select(p => values.TryGetValue(p.Name, out var v) ? p.Cut ? Fit(v, p.MaxLength) : v : "").ToList();

    /// <summary>The longest message its parameters allow, sign name included: what the billing limit is checked against.</summary>
    public int LongestLength(string signName) =>
        SmsSegments.Length(signName, Render(Params.ToDictionary(p => p.Name, p => new string('字', p.MaxLength))));

    public static string Fit(string value, int max)
    {
        var runes = value.EnumerateRunes().ToList();
        return runes.Count <= max ? value : string.Concat(runes.Take(max - 1).Select(r => r.ToString())) + "…";
    }
}

/// <summary>
/// A placeholder and the longest value it may carry (providers cap variables too). A longer value is cut with "…",
/// except where cutting would break it (a link): that one's longest is its real longest.
/// </summary>
public sealed record SmsTemplateParam(string Name, int MaxLength, bool Cut = true);
