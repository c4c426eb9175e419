using System.Text;

namespace HomeService.Tests.Infrastructure;

/// <summary>Documents as an applicant uploads them, for the tests of merchant-application uploads.</summary>
public static class TestDocuments
{
    /// <summary>
    /// A real one-page PDF (a blue rectangle) written by hand with a correct cross-reference table; <paramref name="note"/>
    /// rides in a comment line, so a test can find it in the bytes served back.
    /// </summary>
    public static byte[] MinimalPdf(string note = "")
    {
        const string drawing = "0 0 1 rg 20 20 160 60 re f";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << >> /Contents 4 0 R >>",
            $"<< /Length {drawing.Length} >>\nstream\n{drawing}\nendstream",
        ];
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

    /// <summary>A PDF header and nothing a reader can open behind it.</summary>
    public static byte[] UnparseablePdf() => "%PDF-1.7\n garbage"u8.ToArray();
}
