using UglyToad.PdfPig;

namespace HomeService.Web.Uploads;

/// <summary>
/// A document that says "%PDF-" must also parse as one (its cross-references, catalogue and first page), so HTML or a
/// picture behind a PDF header is refused. The bytes are kept as uploaded: a PDF is checked, never rewritten.
/// </summary>
public static class PdfCheck
{
    public static bool Parses(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content);
            return document.NumberOfPages > 0 && document.GetPage(1) is not null;
        }
        catch (Exception) // PdfPig throws its own and system exceptions alike for a broken file; any of them means "not a PDF"
        {
            return false;
        }
    }
}
