using System.Text;

namespace HomeService.Tests.Infrastructure;

/// <summary>Documents as an applicant uploads them, for the tests of merchant-application uploads.</summary>
public static class TestDocuments
{
    /// <summary>
    /// A real one-page PDF (a blue rectangle) written by hand with a correct cross-reference table; <paramref name="note"/>
    /// rides in a comment line, so a test can find it in the bytes served back.
    /// </summary>
    public static byte[] MinimalPdf(string note = "") => Pdf(note: note);

    /// <summary>
    /// The one-page PDF of <see cref="MinimalPdf"/> with <paramref name="catalogue"/> and <paramref name="page"/> written
    /// into those dictionaries and <paramref name="more"/> as objects 5, 6, …, so a test can add what a hostile file would.
    /// </summary>
    public static byte[] Pdf(string catalogue = "", string page = "", string[]? more = null, string note = "")
    {
        string[] objects = [.. OnePage(catalogue, page), .. more ?? []];
        using var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.UTF8.GetBytes(s));
        Write($"%PDF-1.7\n%{note}\n");
        var offsets = new long[objects.Length];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets[i] = pdf.Position;
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>
    /// The one-page PDF with <paramref name="packed"/> as object 5 inside an (unfiltered) object stream, object 6, and a
    /// cross-reference stream, object 7, in place of the table: the PDF 1.5 layout where an object has no "obj" of its own.
    /// </summary>
    public static byte[] PdfWithObjectStream(string packed)
    {
        var objects = OnePage();
        using var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.7\n");
        var offsets = new List<long>();
        foreach (var (body, number) in objects.Select((body, i) => (body, i + 1)))
        {
            offsets.Add(pdf.Position);
            Write($"{number} 0 obj\n{body}\nendobj\n");
        }
        var header = "5 0 ";
        var streamBody = header + packed;
        offsets.Add(pdf.Position);
        Write($"6 0 obj\n<< /Type /ObjStm /N 1 /First {header.Length} /Length {streamBody.Length} >>\nstream\n{streamBody}\nendstream\nendobj\n");
        var xref = pdf.Position;
        // Rows of W [1 4 2]: type, offset or object-stream number, generation or index; 0 free, 5 packed, 7 this stream.
        var rows = new List<byte[]> { Row(0, 0, 0xFFFF) };
        rows.AddRange(offsets.Take(4).Select(offset => Row(1, offset, 0)));
        rows.Add(Row(2, 6, 0));
        rows.Add(Row(1, offsets[4], 0));
        rows.Add(Row(1, xref, 0));
        var table = rows.SelectMany(row => row).ToArray();
        Write($"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length {table.Length} >>\nstream\n");
        pdf.Write(table);
        Write($"\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();

        static byte[] Row(byte type, long field2, int field3) =>
            [type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3];
    }

    /// <summary>Objects 1–4 of both layouts: catalogue, page tree, the page, and its drawing (a blue rectangle).</summary>
    private static string[] OnePage(string catalogue = "", string page = "")
    {
        const string drawing = "0 0 1 rg 20 20 160 60 re f";
        return
        [
            $"<< /Type /Catalog /Pages 2 0 R{catalogue} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << >> /Contents 4 0 R{page} >>",
            $"<< /Length {drawing.Length} >>\nstream\n{drawing}\nendstream",
        ];
    }

    /// <summary>A PDF header and nothing a reader can open behind it.</summary>
    public static byte[] UnparseablePdf() => "%PDF-1.7\n garbage"u8.ToArray();
}
