using HomeService.Sms;
using HomeService.Sms.TemplateDesk;
using HomeService.Web.Localization;
using HomeService.Web.Sms;

namespace HomeService.Tests.Unit.Sms;

/// <summary>An admin's try of a kind: cut as the sender cuts, made-up values where none are given, and refused input named at its field.</summary>
public sealed class SmsTemplatePreviewTests
{
    private const string Site = "https://jz.example.cn";

    private static SmsTemplatePreview Preview(string kind, Dictionary<string, string> values)
    {
        var template = SmsTemplates.Find(kind)!;
        Assert.Empty(SmsTemplatePreviews.Validate(template, values));
        return SmsTemplatePreviews.Render(template, SmsTemplateSamples.Fill(template, values, Site), "郑州家政");
    }

    [Fact]
    public void A_value_longer_than_its_placeholder_is_cut_as_the_sender_cuts_it_and_the_parts_are_counted()
    {
        var preview = Preview("consultation.reply", new() { ["orderNo"] = "WO20261207000009", ["text"] = new string('好', 200) });
        var cut = new string('好', 79) + "…";
        Assert.Equal($"【郑州家政】您的咨询WO20261207000009已答复：{cut}", preview.Text);
        Assert.Equal(["text"], preview.CutParams);
        Assert.Equal(6 + 4 + 16 + 4 + 80, preview.Length);
        Assert.Equal(2, preview.Segments);
        Assert.Equal(SmsTemplates.Find("consultation.reply")!.Render(new Dictionary<string, string> { ["orderNo"] = "WO20261207000009", ["text"] = new string('好', 200) }),
            preview.Text["【郑州家政】".Length..]);
    }

    [Fact]
    public void A_placeholder_not_given_or_left_blank_shows_its_made_up_value()
    {
        var preview = Preview("order.offered", new() { ["district"] = "二七区", ["category"] = "  " });
        Assert.Equal("【郑州家政】新工单WO20261207000123待接单：日常保洁，二七区，上门12月7日 14:00。请于12月7日 10:30前在商户平台接单。", preview.Text);
        Assert.Empty(preview.CutParams);
        Assert.Equal((74, 2), (preview.Length, preview.Segments));
    }

    [Theory]
    [InlineData("verification.code", "colour", "x", "values.colour", "unknown")]
    [InlineData("verification.code", "<script>", "x", "values", "unknown")]
    [InlineData("consultation.reply", "text", "501", "values.text", "max_length:500")]
    [InlineData("account.setup-link", "link", "111", "values.link", "max_length:110")]
    [InlineData("merchant.rejected", "reason", "资料\n不全", "values.reason", "character")]
    public void Unknown_placeholders_over_long_values_and_control_characters_are_refused_at_their_field(string kind, string name, string value,
        string field, string code)
    {
        var given = int.TryParse(value, out var length) ? new string('字', length) : value;
        var errors = SmsTemplatePreviews.Validate(SmsTemplates.Find(kind)!, new Dictionary<string, string> { [name] = given });
        Assert.Equal(code, Assert.Single(errors[field]));
        Assert.Single(errors);
    }

    [Fact]
    public void A_link_at_its_longest_and_a_cut_value_at_the_try_limit_are_accepted()
    {
        Assert.Empty(SmsTemplatePreviews.Validate(SmsTemplates.Find("account.setup-link")!, new Dictionary<string, string> { ["link"] = new string('a', 110) }));
        Assert.Empty(SmsTemplatePreviews.Validate(SmsTemplates.Find("consultation.reply")!, new Dictionary<string, string> { ["text"] = new string('好', 500) }));
    }

    [Fact]
    public void More_values_than_any_kind_takes_is_refused_once_without_naming_each()
    {
        var values = Enumerable.Range(0, 21).ToDictionary(i => $"p{i}", _ => "x");
        var errors = SmsTemplatePreviews.Validate(SmsTemplates.Find("verification.code")!, values);
        Assert.Equal("max_count:20", Assert.Single(Assert.Single(errors).Value));
    }

    [Theory]
    [InlineData("zh-CN", "values.link", "max_length:110", "链接不能超过 110 个字。")]
    [InlineData("zh-CN", "values.colour", "unknown", "参数“colour”不存在。")]
    [InlineData("en", "values.orderNo", "character", "Order number contains characters that are not allowed.")]
    [InlineData("en", "values", "max_count:20", "SMS values may have at most 20 items.")]
    public void Field_errors_name_the_placeholder_in_the_users_language(string culture, string field, string code, string expected)
        => Assert.Equal(expected, UiCulture.Under(culture, () => SmsTemplateFields.Message(new UiText(), field, code)));
}
