using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The merchant desk's service-staff panel (服务人员管理) in a real browser: merchant1 adds a worker (a bad phone number is
/// named by its field and nothing is added), records credentials (a wrong ID number is named by its field; a right one
/// comes back only masked and turns the safety code green), uploads a photo, issues the one-person-one-code, rests the
/// worker by hand (the live board follows) and deactivates them with a reason (found again under "deactivated").
/// </summary>
public sealed class MerchantStaffTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task A_merchant_adds_a_worker_records_credentials_photo_and_code_rests_and_deactivates_them() => InBrowser(async session =>
    {
        var merchant = await session.Open(Web, "merchant1");
        await SignIn(merchant, "merchant1");
        await IsOn(merchant, "/merchant");
        var panel = merchant.Locator("#staff-panel");
        await Expect(panel).ToHaveAttributeAsync("data-ready", "true");
        await LiveConnectionIsUp(merchant);
        var list = merchant.Locator("#staff-list tbody tr");
        await Expect(list).ToHaveCountAsync(3); // W001–W003
        await Expect(merchant.Locator("#staff-list tr[data-worker='W001'] .status")).Not.ToBeEmptyAsync();

        // 1. A bad phone number: named next to the phone field in Chinese, and no one is added.
        await merchant.Locator("#staff-add-open").ClickAsync();
        var add = merchant.Locator("#staff-add");
        await add.Locator("[name='name']").FillAsync("欧阳丽");
        await add.Locator("[name='phone']").FillAsync("12345");
        await add.Locator("[name='languages']").FillAsync("普通话，河南话");
        await add.Locator("[name='yearsOfExperience']").FillAsync("6");
        await add.Locator("input[name='skills'][value='home-clean']").CheckAsync();
        await add.Locator("button[type='submit']").ClickAsync();
        await Expect(add.Locator(".field-error[data-field='phone']")).ToHaveTextAsync("手机号码的格式不正确。");
        await Expect(add.Locator("[name='phone']")).ToBeFocusedAsync();
        await Expect(add.Locator(".field-error[data-field='name']")).ToBeHiddenAsync();
        await Expect(list).ToHaveCountAsync(3);
        await Expect(merchant.Locator("#workers tbody tr")).ToHaveCountAsync(3);
        Assert.Equal(3L, await Deployment.Scalar<long>("SELECT count(*) FROM worker WHERE merchant_id = 'M001'"));

        // 2. Corrected, the worker is added: in the list (phone normalized, skill by name, off duty, yellow) and on the live board.
        await add.Locator("[name='phone']").FillAsync("139 0371 0099");
        await add.Locator("button[type='submit']").ClickAsync();
        await Expect(merchant.Locator("#staff-added")).ToContainTextAsync("欧阳丽");
        await Expect(add).ToBeHiddenAsync();
        var row = merchant.Locator("#staff-list tbody tr", new() { HasText = "欧阳丽" });
        await Expect(row).ToHaveCountAsync(1);
        var id = (await row.GetAttributeAsync("data-worker"))!;
        Assert.Matches("^W\\d+$", id);
        await Expect(list).ToHaveCountAsync(4);
        await Expect(row.Locator(".phone")).ToHaveTextAsync("13903710099");
        await Expect(row.Locator(".skills")).ToHaveTextAsync("家庭保洁");
        await Expect(row.Locator(".status")).ToHaveTextAsync("下班");
        await Expect(row.Locator("td.safety")).ToHaveTextAsync("黄码");
        var board = merchant.Locator($"#workers tr[data-worker='{id}']");
        await Expect(board).ToContainTextAsync("欧阳丽");
        await Expect(board.Locator(".status")).ToHaveTextAsync("下班");

        // The new worker is open with what was entered.
        var detail = merchant.Locator("#staff-detail");
        await Expect(detail).ToHaveAttributeAsync("data-worker", id);
        await Expect(merchant.Locator("#staff-detail-name")).ToHaveTextAsync("欧阳丽");
        await Expect(merchant.Locator("#staff-detail-inactive")).ToBeHiddenAsync();
        await Expect(merchant.Locator("#staff-edit [name='languages']")).ToHaveValueAsync("普通话，河南话");
        await Expect(merchant.Locator("#staff-edit [name='yearsOfExperience']")).ToHaveValueAsync("6");
        await Expect(merchant.Locator("#staff-edit input[name='skills'][value='home-clean']")).ToBeCheckedAsync();
        await Expect(merchant.Locator("#staff-detail-reasons")).ToContainTextAsync("企业尚未登记证件信息");

        // 3. Credentials: a wrong check digit is named by the ID field; nothing is recorded.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var credentials = merchant.Locator("#staff-credentials");
        var valid = ValidIdNumber("41010519880315042");
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        await credentials.Locator("[name='idNumber']").FillAsync(wrong);
        await credentials.Locator("[name='idVerifiedOn']").FillAsync(Iso(today.AddDays(-10)));
        await credentials.Locator("[name='healthCertificateExpires']").FillAsync(Iso(today.AddYears(1)));
        await credentials.Locator("[name='backgroundCheckPassed']").SelectOptionAsync("true");
        await credentials.Locator("[name='backgroundCheckedOn']").FillAsync(Iso(today.AddDays(-20)));
        await merchant.Locator("#staff-training-add").ClickAsync();
        var training = credentials.Locator("tr.training").Last;
        await training.Locator("[name='trainingName']").FillAsync("家政服务员（中级）");
        await training.Locator("[name='trainingIssuer']").FillAsync("郑州市家政服务协会");
        await training.Locator("[name='trainingOn']").FillAsync(Iso(today.AddDays(-30)));
        await credentials.Locator("button[type='submit']").ClickAsync();
        await Expect(credentials.Locator(".field-error[data-field='idNumber']")).ToHaveTextAsync("身份证号码有误：校验位不符，请核对。");
        await Expect(merchant.Locator("#staff-id-masked")).ToHaveTextAsync("尚未登记");
        await Expect(merchant.Locator("#staff-detail-safety")).ToHaveTextAsync("黄码");

        // A right one: shown only masked, and with a valid health certificate and training the code turns green.
        await credentials.Locator("[name='idNumber']").FillAsync(valid);
        await credentials.Locator("button[type='submit']").ClickAsync();
        await Expect(credentials.Locator(".field-error[data-field='idNumber']")).ToBeHiddenAsync();
        await Expect(merchant.Locator("#staff-id-masked")).ToContainTextAsync($"{valid[..4]}**********{valid[^4..]}");
        await Expect(credentials.Locator("[name='idNumber']")).ToHaveValueAsync("");
        await Expect(merchant.Locator("#staff-detail-safety")).ToHaveTextAsync("绿码");
        await Expect(merchant.Locator("#staff-detail")).ToHaveAttributeAsync("data-safety", "Green");
        await Expect(row.Locator("td.safety")).ToHaveTextAsync("绿码");
        await Expect(credentials.Locator("tr.training [name='trainingName']")).ToHaveValueAsync("家政服务员（中级）");
        Assert.DoesNotContain(valid, await merchant.ContentAsync());

        // 4. A photo: uploaded and shown (the browser decoded it: 3 × 2 pixels).
        await Expect(merchant.Locator("#staff-photo-none")).ToBeVisibleAsync();
        await merchant.Locator("#staff-photo [name='file']").SetInputFilesAsync(new FilePayload { Name = "ouyang.png", MimeType = "image/png", Buffer = TinyPng(3, 2) });
        await merchant.Locator("#staff-photo button[type='submit']").ClickAsync();
        var photo = merchant.Locator("#staff-photo-img");
        await Expect(photo).ToBeVisibleAsync();
        await Expect(merchant.Locator("#staff-photo-none")).ToBeHiddenAsync();
        await merchant.WaitForFunctionAsync("() => { const i = document.getElementById('staff-photo-img'); return i.complete && i.naturalWidth === 3 && i.naturalHeight === 2; }");

        // 5. The one-person-one-code: the QR image shows, with a link to the public page that a resident would open.
        await Expect(merchant.Locator("#staff-code-none")).ToBeVisibleAsync();
        await merchant.Locator("#staff-code-issue").ClickAsync();
        var code = merchant.Locator("#staff-code-img");
        await Expect(code).ToBeVisibleAsync();
        await merchant.WaitForFunctionAsync("() => { const i = document.getElementById('staff-code-img'); return i.complete && i.naturalWidth > 100; }");
        var link = merchant.Locator("#staff-code-link");
        await Expect(link).ToHaveAttributeAsync("href", new Regex("^/w/[A-Za-z0-9_-]{16,}$"));
        await Expect(merchant.Locator("#staff-code-issue")).ToHaveTextAsync("重新生成（旧码作废）");
        var resident = await session.Open(Web, "resident");
        await Go(resident, (await link.GetAttributeAsync("href"))!);
        await Expect(resident.Locator("#code-name")).ToHaveTextAsync("欧**");

        // 6. Rested by hand: the list, the opened worker and the live board follow.
        await merchant.Locator("#staff-status [name='status']").SelectOptionAsync("Resting");
        await merchant.Locator("#staff-status button[type='submit']").ClickAsync();
        await Expect(board).ToHaveAttributeAsync("data-status", "Resting");
        await Expect(board.Locator(".status")).ToHaveTextAsync("休息");
        await Expect(row.Locator(".status")).ToHaveTextAsync("休息");
        await Expect(merchant.Locator("#staff-detail-status")).ToHaveTextAsync("休息");

        // 7. Deactivated with a reason: gone from the current staff and the board, found under "deactivated".
        var deactivate = merchant.Locator("#staff-deactivate");
        await deactivate.Locator("button[type='submit']").ClickAsync();
        await Expect(deactivate.Locator(".field-error[data-field='reason']")).ToHaveTextAsync("请填写原因。");
        await deactivate.Locator("[name='reason']").FillAsync("合同到期，本人不再续签");
        await deactivate.Locator("button[type='submit']").ClickAsync();
        await Expect(merchant.Locator("#staff-detail-inactive")).ToBeVisibleAsync();
        await Expect(merchant.Locator("#staff-detail-gone")).ToBeVisibleAsync();
        await Expect(deactivate).ToBeHiddenAsync();
        await Expect(merchant.Locator($"#staff-list tr[data-worker='{id}']")).ToHaveCountAsync(0);
        await Expect(list).ToHaveCountAsync(3);
        await Expect(board).ToHaveCountAsync(0);
        await merchant.Locator("#staff-filter [name='active']").SelectOptionAsync("false");
        await Expect(list).ToHaveCountAsync(1);
        await Expect(row.Locator(".active")).ToHaveTextAsync("已离职");
        await Expect(row.Locator(".status")).ToHaveTextAsync("下班");
        await Expect(row).ToHaveAttributeAsync("data-active", "false");

        Assert.Empty(session.ScriptErrors(merchant));
    });

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>Seventeen digits and their GB 11643 check character: Σ digit × (2^(17−i) mod 11), mod 11, onto "10X98765432".</summary>
    private static string ValidIdNumber(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * (int)((1L << (17 - i)) % 11);
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>A real PNG (signature, IHDR, one zlib IDAT, IEND, each chunk with its CRC) of a small orange rectangle.</summary>
    private static byte[] TinyPng(int width, int height)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++) raw.Write([0xC2, 0x41, 0x0C]);
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw.ToArray());

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();

        static void Chunk(Stream to, string type, byte[] data)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            to.Write(length);
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            to.Write(typed);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
            to.Write(crc);
        }
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
