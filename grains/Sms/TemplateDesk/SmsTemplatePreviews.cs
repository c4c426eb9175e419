using System.Text.RegularExpressions;

namespace HomeService.Sms.TemplateDesk;

/// <summary>
/// An admin's try of a kind with values of their own: what may be tried, and the message it becomes, cut as the sender
/// cuts it. Errors are keyed "values.{name}" so a form can show each at its field.
/// </summary>
public static partial class SmsTemplatePreviews
{
    public static Dictionary<string, string[]> Validate(SmsTemplate template, IReadOnlyDictionary<string, string>? values)
    {
        var errors = new Dictionary<string, string[]>();
        if (values is null) return errors;
        if (values.Count > SmsTemplatePreviewLimits.MostValues)
        {
            errors["values"] = [$"max_count:{SmsTemplatePreviewLimits.MostValues}"];
            return errors;
        }
        foreach (var (name, value) in values)
        {
            if (template.Params.FirstOrDefault(p => p.Name == name) is not { } param)
            {
                // A name that could not be a placeholder is not echoed back as a field name.
                errors[PlaceholderName().IsMatch(name) ? $"values.{name}" : "values"] = ["unknown"];
                continue;
            }
            var longest = param.Cut ? SmsTemplatePreviewLimits.LongestValue : param.MaxLength;
            if ((value ?? "").EnumerateRunes().Count() > longest) errors[$"values.{name}"] = [$"max_length:{longest}"];
            else if ((value ?? "").Any(char.IsControl)) errors[$"values.{name}"] = ["character"];
        }
        return errors;
    }

    /// <summary>The message as the phone shows it under <paramref name="signName"/>, with every value in place.</summary>
    public static SmsTemplatePreview Render(SmsTemplate template, IReadOnlyDictionary<string, string> values, string signName)
    {
        var text = template.Render(values);
        var cut = template.Params.Where(p => p.Cut && values.TryGetValue(p.Name, out var v) && v.EnumerateRunes().Count() > p.MaxLength)
            .Select(p => p.Name).ToList();
        return new SmsTemplatePreview(template.Kind, signName, SmsSegments.AsShown(signName, text), SmsSegments.Length(signName, text),
            SmsSegments.Count(signName, text), cut);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex PlaceholderName();
}
