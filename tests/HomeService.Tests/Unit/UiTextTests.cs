using HomeService.Web.Localization;

namespace HomeService.Tests.Unit;

public sealed class UiTextTests
{
    [Fact]
    public void Chinese_and_english_have_the_same_keys()
    {
        var zh = UiText.Keys("zh-CN").Order().ToList();
        var en = UiText.Keys("en").Order().ToList();
        Assert.Equal(zh, en);
    }

    [Theory]
    [InlineData("zh-CN", "login", "required", "请填写用户名。")]
    [InlineData("en", "login", "required", "User name is required.")]
    [InlineData("zh-CN", "text", "max_length:500", "广播内容不能超过 500 个字。")]
    [InlineData("en-GB", "minutes", "range:1-1440", "Show for (minutes) must be between 1-1440.")]
    public void Validation_messages_name_the_field_in_the_users_language(string culture, string field, string code, string expected)
    {
        Assert.Equal(expected, UiCulture.Under(culture, () => new UiText().Validation(field, code, field == "text" ? "broadcast" : null)));
    }

    [Fact]
    public void Every_sms_kind_and_every_sms_state_has_a_name_to_show() =>
        Assert.All(HomeService.Sms.SmsTemplates.All.Select(t => $"sms.kind.{t.Kind}")
                .Concat(HomeService.Web.Data.Admin.SmsLogReader.States.Select(s => $"sms.state.{s}")),
            key => Assert.Contains(key, UiText.Keys("zh-CN")));
}
