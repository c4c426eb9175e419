using System.Buffers.Binary;

namespace HomeService.Web.Data;

/// <summary>
/// Takes the metadata out of a worker's photo before it is kept: a phone's JPEG carries the place it was taken (GPS),
/// the device and the time in EXIF/XMP, and the photo is shown to anyone who scans the worker's code. Only the pixels
/// stay, and for a JPEG the orientation, rewritten as a minimal EXIF of its own, so a portrait stays upright.
/// </summary>
public static class PhotoMetadata
{
    /// <summary>The photo without its metadata, or null when the bytes are not a well-formed JPEG or PNG.</summary>
    public static byte[]? Strip(byte[] photo, string contentType) => contentType switch
    {
        "image/jpeg" => StripJpeg(photo),
        "image/png" => StripPng(photo),
        _ => null,
    };

    private static byte[]? StripJpeg(byte[] jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return null;
        using var output = new MemoryStream(jpeg.Length);
        output.Write([0xFF, 0xD8]);
        ushort? orientation = null;
        var wroteOrientation = false;
        var i = 2;
        while (i + 4 <= jpeg.Length)
        {
            if (jpeg[i] != 0xFF) return null;
            var marker = jpeg[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
            if (length < 2 || i + 2 + length > jpeg.Length) return null;
            var segment = jpeg.AsSpan(i, 2 + length);
            if (marker == 0xE1) orientation ??= Orientation(segment[4..]);
            // APP0 (JFIF), APP2 (colour profile) and APP14 (Adobe colour transform) change how it looks; other APPn and comments go.
            var keep = marker is not (>= 0xE1 and <= 0xEF and not 0xE2 and not 0xEE) and not 0xFE;
            if (!wroteOrientation && marker is not (0xE0 or 0xE1) && orientation is { } o && o != 1)
            {
                output.Write(OrientationSegment(o));
                wroteOrientation = true;
            }
            if (keep) output.Write(segment);
            i += 2 + length;
            if (marker == 0xDA) // start of scan: the compressed picture runs to the end
            {
                output.Write(jpeg.AsSpan(i));
                return output.ToArray();
            }
        }
        return null;
    }

    /// <summary>The Orientation tag (0x0112) of an EXIF APP1 body, or null.</summary>
    private static ushort? Orientation(ReadOnlySpan<byte> app1)
    {
        if (app1.Length < 14 || !app1.StartsWith("Exif\0\0"u8)) return null;
        var tiff = app1[6..];
        var little = tiff[0] == 'I' && tiff[1] == 'I';
        if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return null;
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        var ifd = U32(tiff[4..]);
        if (ifd + 2 > tiff.Length) return null;
        var count = U16(tiff[(int)ifd..]);
        for (var n = 0; n < count; n++)
        {
            var entry = (int)ifd + 2 + n * 12;
            if (entry + 12 > tiff.Length) return null;
            if (U16(tiff[entry..]) == 0x0112) return U16(tiff[(entry + 8)..]) is var v && v is >= 1 and <= 8 ? v : null;
        }
        return null;
    }

    /// <summary>An APP1 holding only the orientation: "Exif", a big-endian TIFF header and one IFD entry.</summary>
    private static byte[] OrientationSegment(ushort orientation) =>
    [
        0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
        (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
        0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,
    ];

    private static readonly HashSet<string> PngTextChunks = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

    private static byte[]? StripPng(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return null;
        using var output = new MemoryStream(png.Length);
        output.Write(png.AsSpan(0, 8));
        var i = 8;
        while (i + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(i));
            if (length > int.MaxValue - 12 || i + 12 + (int)length > png.Length) return null;
            var type = System.Text.Encoding.ASCII.GetString(png, i + 4, 4);
            if (!PngTextChunks.Contains(type)) output.Write(png.AsSpan(i, 12 + (int)length));
            i += 12 + (int)length;
            if (type == "IEND") return output.ToArray();
        }
        return null;
    }
}
