using System.Text;
using HomeService.Web.Data;

namespace HomeService.Tests.Unit.Workers;

/// <summary>A worker's photo is public at the door: where it was taken, on what and when must not travel with it.</summary>
public sealed class PhotoMetadataTests
{
    /// <summary>A JPEG's shape: JFIF, an EXIF block (orientation 6 and a GPS-looking text), a comment, a quantisation table, a scan.</summary>
    private static byte[] PhoneJpeg(bool littleEndian)
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        void Segment(byte marker, byte[] body)
        {
            jpeg.AddRange([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
            jpeg.AddRange(body);
        }
        Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        var tiff = littleEndian
            ? new byte[] { (byte)'I', (byte)'I', 0x2A, 0x00, 8, 0, 0, 0, 2, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
            : new byte[] { (byte)'M', (byte)'M', 0, 0x2A, 0, 0, 0, 8, 0, 2, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 };
        Segment(0xE1, [.. "Exif\0\0"u8, .. tiff, .. Encoding.ASCII.GetBytes("GPS 34.7466N 113.6254E")]);
        Segment(0xE1, [.. Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>iPhone 15</x:xmpmeta>")]);
        Segment(0xFE, Encoding.ASCII.GetBytes("taken at home"));
        Segment(0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(0xDA, [1, 1, 0, 0, 63, 0]);
        jpeg.AddRange([0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD9]);
        return [.. jpeg];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_jpeg_loses_its_exif_xmp_and_comments_but_keeps_its_picture_and_orientation(bool littleEndian)
    {
        var original = PhoneJpeg(littleEndian);
        var clean = PhotoMetadata.Strip(original, "image/jpeg")!;
        var text = Encoding.ASCII.GetString(clean);
        foreach (var secret in new[] { "GPS", "iPhone", "taken at home", "xmpmeta" }) Assert.DoesNotContain(secret, text);
        // The picture itself: the quantisation table and the scan through to the end are byte for byte the same.
        var dqt = Array.IndexOf(original, (byte)0xDB) - 1;
        Assert.Equal(original[dqt..], clean[^(original.Length - dqt)..]);
        // A minimal EXIF of our own says "rotate 90°" (6), so a portrait stays upright.
        var exif = text.IndexOf("Exif\0\0", StringComparison.Ordinal);
        Assert.True(exif > 0);
        Assert.Equal(new byte[] { 0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, 6 }, clean[(exif + 16)..(exif + 26)]);
        Assert.True(clean.Length < original.Length);
    }

    [Fact]
    public void A_png_loses_its_text_and_time_chunks()
    {
        static byte[] Chunk(string type, byte[] data) =>
            [(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, .. Encoding.ASCII.GetBytes(type), .. data, 0, 0, 0, 0];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", new byte[13]), .. Chunk("tEXt", Encoding.ASCII.GetBytes("Author\0Zhang San")),
            .. Chunk("eXIf", Encoding.ASCII.GetBytes("MM GPS")), .. Chunk("IDAT", [1, 2, 3]), .. Chunk("IEND", [])];
        var clean = PhotoMetadata.Strip(png, "image/png")!;
        var text = Encoding.ASCII.GetString(clean);
        Assert.DoesNotContain("Zhang San", text);
        Assert.DoesNotContain("GPS", text);
        Assert.Contains("IDAT", text);
        Assert.EndsWith("IEND\0\0\0\0", text);
    }

    [Fact]
    public void Bytes_that_only_start_like_a_picture_are_refused()
    {
        Assert.Null(PhotoMetadata.Strip([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x40, 1, 2], "image/jpeg")); // a segment longer than the file
        Assert.Null(PhotoMetadata.Strip([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 9], "image/png"));
        Assert.Null(PhotoMetadata.Strip("%PDF-1.7"u8.ToArray(), "application/pdf"));
    }
}
