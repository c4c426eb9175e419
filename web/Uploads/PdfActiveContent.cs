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
    // content.
    private static readonly HashSet<string> Refused =
    [
        "JavaScript", "JS", "Launch", "AA",
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
        var catalogue = document.Structure.Catalog.CatalogDictionary;
        return Carries(catalogue) // also when recovery built the catalogue outside the table
            || (catalogue.Data.TryGetValue("OpenAction", out var open) && !OpensAtAPage(document, open));
    }

    /// <summary>
    /// Office and scanner software often write an open action that only shows a page ("[3 0 R /Fit]" or a /GoTo action);
    /// refusing those would turn away ordinary applications. Anything else done on opening (a web address, a form
    /// submission, a sound) is refused; script and launch are refused anyway, wherever they are.
    /// </summary>
    private static bool OpensAtAPage(PdfDocument document, IToken open)
    {
        if (open is IndirectReferenceToken reference) open = document.Structure.GetObject(reference.Data).Data;
        return open switch
        {
            ArrayToken => true,
            DictionaryToken action => action.Data.TryGetValue("S", out var type) && type is NameToken { Data: "GoTo" }
                && !action.Data.ContainsKey("Next"), // a chained action runs after the jump
            _ => false,
        };
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
