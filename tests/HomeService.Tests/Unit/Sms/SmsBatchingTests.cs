using HomeService.Sms;

namespace HomeService.Tests.Unit.Sms;

/// <summary>Which claimed rows share one provider request, and how a group notice's rows fall due.</summary>
public sealed class SmsBatchingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(8));
    private const string Notice = """{"content": "春节期间服务热线照常接听。"}""";

    private static SmsOutboxStore.Due Row(string phone, string? notice = "n1", string template = "group.notice", string parameters = Notice) =>
        new(Guid.NewGuid(), template, parameters, 1, T0, phone, Uncertain: false, GroupNoticeId: notice);

    private static string[] Phones(int count) => Enumerable.Range(0, count).Select(i => $"139{i:D8}").ToArray();

    [Fact]
    public void One_notices_rows_go_as_one_batch_and_other_messages_alone()
    {
        var rows = Phones(6).Select(p => Row(p)).ToList();
        var code = Row("13512340000", notice: null, template: "verification.code", parameters: """{"code":"123456","minutes":"5"}""");
        var split = SmsBatching.Form([.. rows, code], max: 100);
        Assert.Equal(rows.Select(r => r.Id), Assert.Single(split.Batches).Select(r => r.Id));
        Assert.Equal(code.Id, Assert.Single(split.Alone).Id);
    }

    [Fact]
    public void A_notice_to_more_numbers_than_a_request_takes_goes_in_chunks_of_the_maximum()
    {
        var split = SmsBatching.Form(Phones(250).Select(p => Row(p)), max: 100);
        Assert.Equal([100, 100, 50], split.Batches.Select(b => b.Count));
        Assert.Equal(250, split.Batches.SelectMany(b => b).Select(r => r.Phone).Distinct().Count());
    }

    [Fact]
    public void Different_notices_or_different_texts_never_share_a_request()
    {
        var split = SmsBatching.Form([Row("13900000001"), Row("13900000002", notice: "n2"),
            Row("13900000003", parameters: """{"content": "另一条"}"""), Row("13900000004")], max: 100);
        Assert.Equal([2, 1, 1], split.Batches.Select(b => b.Count).Order().Reverse());
        Assert.Empty(split.Alone);
    }

    [Fact]
    public void A_row_to_be_dead_lettered_before_any_provider_sees_it_goes_alone()
    {
        var optedOut = Row("13900000001") with { OptedOut = true };
        var noPhone = new SmsOutboxStore.Due(Guid.NewGuid(), "group.notice", Notice, 1, T0, null, false, GroupNoticeId: "n1");
        var unknown = Row("13900000002", template: "no.such.kind");
        var split = SmsBatching.Form([optedOut, noPhone, unknown, Row("13900000003")], max: 100);
        Assert.Equal(3, split.Alone.Count);
        Assert.Single(Assert.Single(split.Batches));
    }

    [Fact]
    public void A_number_twice_in_a_notice_is_never_twice_in_one_request()
    {
        var split = SmsBatching.Form([Row("13900000001"), Row("13900000002"), Row("13900000001")], max: 100);
        Assert.All(split.Batches, b => Assert.Equal(b.Count, b.Select(r => r.Phone).Distinct().Count()));
        Assert.Equal(3, split.Batches.Sum(b => b.Count));
    }

    [Fact]
    public void The_out_id_of_a_row_is_its_batchs_once_it_went_in_one()
    {
        var row = Row("13900000001");
        Assert.Equal(row.Id, row.OutId);
        var batch = Guid.NewGuid();
        Assert.Equal(batch, (row with { BatchOutId = batch }).OutId);
    }
}
