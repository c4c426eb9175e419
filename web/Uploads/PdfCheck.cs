using UglyToad.PdfPig;

namespace HomeService.Web.Uploads;

/// <summary>
/// A document that says "%PDF-" must also parse as one (its cross-references, catalogue and first page), so HTML or a
/// picture behind a PDF header is refused; and it must carry no script, automatic action or attachment
/// (<see cref="PdfActiveContent"/>). The bytes are kept as uploaded: a PDF is checked, never rewritten.
/// </summary>
public static class PdfCheck
{
    public enum Verdict { Clean, Unreadable, ActiveContent }

    public static Verdict Check(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content);
            if (document.NumberOfPages == 0 || document.GetPage(1) is null) return Verdict.Unreadable;
            return PdfActiveContent.Found(document) ? Verdict.ActiveContent : Verdict.Clean;
        }
        catch (Exception) // PdfPig throws its own and system exceptions alike for a broken file (or a broken object in it); any of them means "not a PDF"
        {
            return Verdict.Unreadable;
        }
    }
}
