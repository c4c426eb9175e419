using HomeService.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace HomeService.Tests.Unit.Input;

/// <summary>What a page is sent, looked at as the API's text is: form fields, file names, query and route values.</summary>
public sealed class PageCharactersTests
{
    private static readonly QueryCollection NoQuery = new();
    private static readonly RouteValueDictionary Page = new() { ["page"] = "/Site/Order", ["handler"] = "SendCode" };

    private static FormCollection Form(Dictionary<string, StringValues> fields, params FormFile[] files)
    {
        var collection = new FormFileCollection();
        collection.AddRange(files);
        return new FormCollection(fields, collection);
    }

    private static FormFile File(string field, string fileName) =>
        new(new MemoryStream("\0\u202e binary \u0001"u8.ToArray()), 0, 13, field, fileName);

    [Fact]
    public void Chinese_text_tabs_line_breaks_and_a_files_binary_content_are_clean() =>
        Assert.Null(PageCharacters.FirstRefused(
            Form(new() { ["Form.Address"] = "金水区经三路 15 号\r\n二楼\t😀", ["Form.Lines[0].Label"] = "家" }, File("Form.Photo", "发票.jpg")),
            new QueryCollection(new Dictionary<string, StringValues> { ["q"] = "保洁" }), Page));

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u001b[31m")]
    [InlineData("\u202e")]
    [InlineData("\u2069")]
    public void A_refused_character_is_named_by_the_field_that_holds_it(string bad)
    {
        Assert.Equal("form.phone", PageCharacters.FirstRefused(Form(new() { ["Form.Token"] = "ab", ["Form.Phone"] = $"139{bad}5555" }), NoQuery, Page));
        Assert.Equal("form.lines[1].address", PageCharacters.FirstRefused(
            Form(new() { ["Form.Lines[1].Address"] = new StringValues(["经三路", $"农业路{bad}"]) }), NoQuery, Page));
        Assert.Equal("q", PageCharacters.FirstRefused(null, new QueryCollection(new Dictionary<string, StringValues> { ["q"] = $"保洁{bad}" }), Page));
        Assert.Equal("id", PageCharacters.FirstRefused(null, NoQuery, new RouteValueDictionary(Page) { ["id"] = $"M0{bad}01" }));
        // An upload's content is not text, its name is: "invoice‮gpj.exe" would show as "invoiceexe.jpg".
        Assert.Equal("form.photo", PageCharacters.FirstRefused(Form(new(), File("Form.Photo", $"invoice{bad}gpj.exe")), NoQuery, Page));
        Assert.StartsWith("form.x\uFFFD", PageCharacters.FirstRefused(Form(new() { [$"Form.X{bad}"] = "1" }), NoQuery, Page));
    }

    [Fact]
    public void A_url_encoded_form_the_framework_refuses_for_a_nul_is_read_with_it_kept()
    {
        // ASP.NET Core throws on "%00" in such a form: the antiforgery check answered a bare 400 naming nothing.
        var form = PageFormsWithNul.KeptWithNul("__RequestVerificationToken=t%2B1&Form.Phone=139%0055&Form.Topic=a+b&Form.Topic=c");
        Assert.NotNull(form);
        Assert.Equal(("t+1", "139\u000055", "a b,c"), (form["__RequestVerificationToken"].ToString(), form["Form.Phone"].ToString(), form["Form.Topic"].ToString()));
        Assert.Equal("form.phone", PageCharacters.FirstRefused(form, NoQuery, Page));
        // A form refused for anything else stays refused.
        Assert.Null(PageFormsWithNul.KeptWithNul("Form.Phone=13955553011&x=%E2%80%AE"));
        Assert.Null(PageFormsWithNul.KeptWithNul(string.Join('&', Enumerable.Range(0, 1025).Select(i => $"k{i}=%00"))));
    }

    [Fact]
    public void The_way_back_leaves_out_what_held_the_character()
    {
        static HttpRequest Request(string path, string query, RouteValueDictionary route)
        {
            var request = new DefaultHttpContext().Request;
            (request.Path, request.QueryString, request.RouteValues) = (path, new QueryString(query), route);
            return request;
        }
        Assert.Equal("/order?category=deep-clean", PageCharacters.Back(Request("/order", "?category=deep-clean", Page)));
        Assert.Equal("/search", PageCharacters.Back(Request("/search", "?q=%E2%80%AE", Page)));
        Assert.Equal("/", PageCharacters.Back(Request("/merchants/M\u202e", "", new RouteValueDictionary(Page) { ["id"] = "M\u202e" })));
    }
}
