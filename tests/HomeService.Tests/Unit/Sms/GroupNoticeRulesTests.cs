using HomeService.Sms;
using HomeService.Sms.GroupNotices;

namespace HomeService.Tests.Unit.Sms;

public sealed class GroupNoticeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly IReadOnlySet<string> Categories = new HashSet<string> { "hourly", "nanny" };
    private static readonly IReadOnlySet<string> Districts = new HashSet<string> { "金水区", "二七区" };

    private static Dictionary<string, string[]> Errors(string text, GroupAudience audience, DateTimeOffset? sendAt = null) =>
        GroupNoticeRules.Validate(GroupNoticeRules.Normalize(new GroupNoticeDraft(text, audience, sendAt)), Now, Categories, Districts);

    [Fact]
    public void A_notice_to_merchants_of_a_category_and_district_or_to_any_group_is_accepted()
    {
        Assert.Empty(Errors("春节期间热线照常接听。", new GroupAudience("merchants", "hourly", "金水区")));
        Assert.Empty(Errors("春节期间热线照常接听。", new GroupAudience(" Workers ", "nanny", " ")));
        Assert.Empty(Errors("春节期间热线照常接听。", new GroupAudience("members"), Now.AddDays(30)));
    }

    [Fact]
    public void Each_wrong_part_is_named_by_its_field()
    {
        Assert.Equal(["required"], Errors("  ", new GroupAudience("merchants"))["text"]);
        Assert.Equal([$"max_length:{GroupNoticeRules.MaxText}"], Errors(new string('通', GroupNoticeRules.MaxText + 1), new GroupAudience("merchants"))["text"]);
        Assert.Equal(["character"], Errors("通知\u0000", new GroupAudience("merchants"))["text"]);
        Assert.Equal(["unknown"], Errors("通知", new GroupAudience("everyone"))["audience.kind"]);
        Assert.Equal(["unknown"], Errors("通知", new GroupAudience("merchants", "space-travel"))["audience.category"]);
        // Members have no category or district; workers no district.
        Assert.Equal(["unknown"], Errors("通知", new GroupAudience("members", "hourly"))["audience.category"]);
        Assert.Equal(["unknown"], Errors("通知", new GroupAudience("workers", null, "金水区"))["audience.district"]);
        Assert.Equal(["schedule-ahead:31"], Errors("通知", new GroupAudience("members"), Now.AddHours(-1))["sendAt"]);
        Assert.Equal(["schedule-ahead:31"], Errors("通知", new GroupAudience("members"), Now.AddDays(32))["sendAt"]);
    }

    [Fact]
    public void Every_notice_carries_the_opt_out_text_and_the_longest_fits_the_billing_limit()
    {
        Assert.Equal("热线照常接听。拒收请回复R", GroupNoticeRules.Compose("热线照常接听。"));
        var longest = GroupNoticeRules.Compose(new string('通', GroupNoticeRules.MaxText));
        Assert.True(SmsSegments.Count("一二三四五六七八九十", longest) <= SmsTemplates.MaxSegments);
        Assert.Equal("第一行 第二行", GroupNoticeRules.Normalize(new GroupNoticeDraft("第一行\n第二行", new GroupAudience("members"), null)).Text);
    }
}
