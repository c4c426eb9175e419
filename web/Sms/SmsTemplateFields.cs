using HomeService.Web.Localization;

namespace HomeService.Web.Sms;

/// <summary>
/// How a template's placeholders are named to people in field errors ("values.orderNo"): a known one in its own words
/// (field.smsTemplate.values.orderNo, "订单号"), any other by the name that was sent.
/// </summary>
public static class SmsTemplateFields
{
    public const string Context = "smsTemplate";

    /// <summary>Null where the UI text names the field; otherwise a label built from the placeholder's name.</summary>
    public static string? Label(UiText text, string field) =>
        UiText.Has($"field.{Context}.{field}") ? null : text.Format("sms.templates.param", field.StartsWith("values.", StringComparison.Ordinal) ? field[7..] : field);

    public static string Message(UiText text, string field, string code) => text.Validation(field, code, Context, Label(text, field));
}
