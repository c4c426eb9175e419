using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace HomeService.Web.Uploads;

/// <summary>
/// Whether a parsed PDF carries anything a reader may run or open on its own: script, an automatic or launch action, an
/// attached file or rich media. A PDF is kept byte for byte and later opened by staff, so such content is refused rather
/// than stripped. Every object in the cross-reference table is read (also those packed in object streams), not only the
/// ones reachable from the catalogue, so an orphan object a lenient reader might still find cannot hide there; names come
/// from PdfPig's lexer, which undoes #xx escapes such as /J#61vaScript that a byte search would miss.
/// </summary>
public static class PdfActiveContent
{
    /// <summary>
    /// An application scan has tens of objects; tens of thousands means a file built to wear the check out, so it is refused.
    /// </summary>
    public const int MaxObjects = 20_000;

    // As keys or as values (/S /JavaScript, /Type /EmbeddedFile, /Subtype /FileAttachment) these only ever mean active
    // content. /OpenAction is refused whatever it does: a harmless "go to page 1" is rare in a scan and not worth telling apart.
    private static readonly HashSet<string> Refused =
    [
        "JavaScript", "JS", "Launch", "AA", "OpenAction",
        "EmbeddedFile", "EmbeddedFiles", "FileAttachment", "RichMedia", "RichMediaContent", "RichMediaExecute",
    ];

    public static bool Found(PdfDocument document)
    {
        var offsets = document.Structure.CrossReferenceTable.ObjectOffsets;
        if (offsets.Count > MaxObjects) return true;
        foreach (var reference in offsets.Keys)
        {
            if (Carries(document.Structure.GetObject(reference).Data)) return true;
        }
        return Carries(document.Structure.Catalog.CatalogDictionary); // also when recovery built the catalogue outside the table
    }

    // Depth-first over direct tokens only: an indirect reference is its own table entry and is read there. A stream's
    // dictionary is read, its bytes are not (content operators cannot start an action).
    private static bool Carries(IToken root)
    {
        var pending = new Stack<IToken>([root]);
        while (pending.TryPop(out var token))
        {
            switch (token)
            {
                case NameToken name when Refused.Contains(name.Data):
                    return true;
                case DictionaryToken dictionary:
                    foreach (var (key, value) in dictionary.Data)
                    {
                        if (Refused.Contains(key)) return true;
                        pending.Push(value);
                    }
                    break;
                case StreamToken stream:
                    pending.Push(stream.StreamDictionary);
                    break;
                case ArrayToken array:
                    foreach (var item in array.Data) pending.Push(item);
                    break;
            }
        }
        return false;
    }
}
