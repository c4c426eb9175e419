using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HomeService.CallCenter;
using HomeService.Tests.Unit;
using HomeService.Web.Localization;

namespace HomeService.Tests.Reliability;

/// <summary>A request that cannot be read names the field it got wrong, and where, in the caller's language; never a 500.</summary>
public sealed partial class BadInputTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_body_that_cannot_be_read_is_a_400_naming_the_json_path_in_the_callers_language(string culture)
    {
        async Task Expect(string method, string path, string json, string field, string code)
        {
            var response = await Send(Caller.Supervisor, method, path, json, culture);
            var errors = await Errors(response, $"{method} {path} {json}");
            Assert.True(errors.TryGetProperty(field, out var messages), $"{method} {path} {json}: no error for {field} in {errors}");
            Assert.Equal(UiCulture.Under(culture, () => new UiText().Validation(field, code)), messages[0].GetString());
        }

        await Expect("POST", "/api/broadcasts", """{"text": "unterminated""", "text", "format");
        await Expect("POST", "/api/broadcasts", """{"text": "早会", "minutes": "abc"}""", "minutes", "format");
        await Expect("POST", "/api/broadcasts", """{"text": "早会", "minutes": 2147483648}""", "minutes", "format");
        await Expect("POST", "/api/broadcasts", "[]", "body", "format");
        await Expect("POST", "/api/broadcasts", "", "body", "required");
        await Expect("PUT", "/api/queues/service", """{"tiers": [{"afterSeconds": 0, "skill": "service", "minProficiency": "x"}]}""",
            "tiers[0].minProficiency", "format");
    }

    [Fact]
    public async Task A_nul_in_a_complaint_is_a_400_naming_the_field_and_no_complaint_is_created()
    {
        var before = await probe.Http(Caller.Agent).GetStringAsync("/api/work-queues/complaints");
        foreach (var bad in new[] { "保姆\u0000迟到", "保姆\u001b迟到", "保姆\u202e迟到" })
        {
            var body = JsonSerializer.Serialize(new { contactPhone = "13800138000", memberId = "R0001", againstMerchantId = "M001", severity = "high", description = bad });
            var errors = await Errors(await Send(Caller.Agent, "POST", "/api/complaints", body), "complaint");
            Assert.Equal("投诉内容含有不允许的字符。", errors.GetProperty("description")[0].GetString());
        }
        Assert.Equal(before, await probe.Http(Caller.Agent).GetStringAsync("/api/work-queues/complaints"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"workerId": null}""")]
    [InlineData("""{"workerId": ""}""")]
    [InlineData("""{"workerId": "  "}""")]
    public async Task Assigning_no_worker_is_a_400_naming_workerId(string body)
    {
        var errors = await Errors(await Send(Caller.Merchant1, "POST", $"/api/merchant/orders/{probe.Order(RealOrder.Service)}/assign", body), body);
        Assert.Equal("请填写服务人员。", errors.GetProperty("workerId")[0].GetString());
    }

    [Fact]
    public async Task Assigning_with_a_body_that_is_not_an_object_is_a_400()
    {
        var errors = await Errors(await Send(Caller.Merchant1, "POST", $"/api/merchant/orders/{probe.Order(RealOrder.Service)}/assign", "\"\""), "\"\"");
        Assert.True(errors.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_photo_upload_the_form_parser_cannot_read_is_a_400_on_the_file()
    {
        var uploads = new[]
        {
            (Caller.Merchant1, "/api/merchant/workers/W001/photo"),
            (Caller.Resident, $"/api/member/orders/{probe.Order(RealOrder.Service)}/rating/photos"),
        };
        foreach (var (caller, path) in uploads)
        {
            var noBoundary = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n"u8.ToArray());
            noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
            Assert.True((await Errors(await probe.Http(caller).PostAsync(path, noBoundary), $"{path} without a boundary")).TryGetProperty("file", out _));

            var quoted = new ByteArrayContent(Encoding.UTF8.GetBytes(
                "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"b.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\r\n--b1--\r\n"));
            quoted.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b1");
            Assert.True((await Errors(await probe.Http(caller).PostAsync(path, quoted), $"{path} with a quote in the file name")).TryGetProperty("file", out _));
        }
    }

    [Fact]
    public async Task A_queue_reads_with_the_strategy_spelling_its_settings_take()
    {
        var queues = JsonDocument.Parse(await probe.Http(Caller.Admin).GetStringAsync("/api/admin/call-center/queues")).RootElement;
        Assert.All(queues.EnumerateArray(), q => Assert.Contains(q.GetProperty("strategy").GetString()!, RoutingStrategies.Names));
        var service = queues.EnumerateArray().Single(q => q.GetProperty("queueId").GetString() == "service").GetProperty("strategy").GetString();
        var put = await Send(Caller.Supervisor, "PUT", "/api/queues/service", JsonSerializer.Serialize(new { strategy = service }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(service, JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetProperty("strategy").GetString());
    }

    private async Task<HttpResponseMessage> Send(Caller caller, string method, string path, string json, string culture = "zh-CN")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await probe.Http(caller).SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The field errors of a 400 problem; fails on any other answer.</summary>
    private static async Task<JsonElement> Errors(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} → {(int)response.StatusCode} {ProblemAnswer.Snippet(body)}");
        Assert.Null(await ProblemAnswer.Defect(response));
        return JsonDocument.Parse(body).RootElement.GetProperty("errors");
    }
}
