using System.Text;
using HomeService.Tests.Infrastructure;
using HomeService.Web.Uploads;

namespace HomeService.Tests.Unit.Uploads;

/// <summary>
/// A PDF that parses is still refused when a reader could run or open something from it on its own: script, an automatic
/// or launch action, an attached file; the names are read as the PDF lexer decodes them, wherever the object is stored.
/// </summary>
public sealed class PdfActiveContentTests
{
    private static string? Error(byte[] pdf) => UploadCheck.Document(pdf).Error;

    [Fact]
    public void A_plain_pdf_with_a_web_link_is_accepted()
    {
        Assert.Null(Error(TestDocuments.MinimalPdf()));
        // A link the reader follows only when clicked is not active content.
        Assert.Null(Error(TestDocuments.Pdf(page: " /Annots [5 0 R]",
            more: ["<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /URI /URI (https://example.com/) >> >>"])));
    }

    [Fact]
    public void An_open_action_running_javascript_is_refused()
    {
        var pdf = TestDocuments.Pdf(catalogue: " /OpenAction 5 0 R", more: ["<< /S /JavaScript /JS (app.alert\\(1\\)) >>"]);
        Assert.Equal("pdf-active-content", Error(pdf));
    }

    [Fact]
    public void An_open_action_that_only_shows_the_first_page_is_accepted()
    {
        // What word processors and scanners write; refusing it would turn away ordinary applications.
        Assert.Null(Error(TestDocuments.Pdf(catalogue: " /OpenAction [3 0 R /Fit]")));
        Assert.Null(Error(TestDocuments.Pdf(catalogue: " /OpenAction 5 0 R", more: ["<< /S /GoTo /D [3 0 R /XYZ 0 100 1] >>"])));
    }

    [Fact]
    public void An_open_action_that_opens_a_web_address_or_chains_another_action_is_refused()
    {
        Assert.Equal("pdf-active-content", Error(TestDocuments.Pdf(catalogue: " /OpenAction << /S /URI /URI (https://example.com/t) >>")));
        Assert.Equal("pdf-active-content", Error(TestDocuments.Pdf(catalogue: " /OpenAction << /S /GoTo /D [3 0 R /Fit] /Next 5 0 R >>",
            more: ["<< /S /SubmitForm /F (https://example.com/t) >>"])));
    }

    [Fact]
    public void A_page_additional_action_is_refused_even_when_it_only_opens_a_link()
    {
        var pdf = TestDocuments.Pdf(page: " /AA << /O 5 0 R >>", more: ["<< /S /URI /URI (https://example.com/) >>"]);
        Assert.Equal("pdf-active-content", Error(pdf));
    }

    [Fact]
    public void A_link_that_launches_a_program_is_refused()
    {
        var pdf = TestDocuments.Pdf(page: " /Annots [5 0 R]",
            more: ["<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /Launch /F (cmd.exe) >> >>"]);
        Assert.Equal("pdf-active-content", Error(pdf));
    }

    [Fact]
    public void An_embedded_files_name_tree_is_refused()
    {
        var pdf = TestDocuments.Pdf(catalogue: " /Names << /EmbeddedFiles << /Names [(invoice.exe) 5 0 R] >> >>",
            more: ["<< /Type /Filespec /F (invoice.exe) /EF << /F 6 0 R >> >>", "<< /Length 2 >>\nstream\nMZ\nendstream"]);
        Assert.Equal("pdf-active-content", Error(pdf));
    }

    [Fact]
    public void A_hex_escaped_javascript_action_is_refused()
    {
        // /J#61vaScript is /JavaScript and /J#53 is /JS once lexed; neither spelling appears in the bytes.
        var pdf = TestDocuments.Pdf(page: " /Annots [5 0 R]",
            more: ["<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> >>"]);
        Assert.DoesNotContain("JavaScript", Encoding.ASCII.GetString(pdf));
        Assert.Equal("pdf-active-content", Error(pdf));
    }

    [Fact]
    public void A_javascript_action_packed_in_an_object_stream_is_refused()
    {
        Assert.Null(Error(TestDocuments.PdfWithObjectStream("<< /S /URI /URI (https://example.com/) >>")));
        Assert.Equal("pdf-active-content", Error(TestDocuments.PdfWithObjectStream("<< /S /JavaScript /JS (app.alert\\(1\\)) >>")));
    }

    [Fact]
    public void More_objects_than_the_cap_is_refused()
    {
        var filler = Enumerable.Repeat("null", PdfActiveContent.MaxObjects).ToArray();
        Assert.Equal("pdf-active-content", Error(TestDocuments.Pdf(more: filler)));
    }
}
