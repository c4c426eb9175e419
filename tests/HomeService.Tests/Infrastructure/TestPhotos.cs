using System.Buffers.Binary;
using System.Net.Http.Headers;
using SkiaSharp;

namespace HomeService.Tests.Infrastructure;

/// <summary>Pictures as a phone sends them, carrying where they were taken, for the tests of photo uploads.</summary>
public static class TestPhotos
{
    /// <summary>Bytes a vendor leaves after the end of a JPEG; they must not survive an upload.</summary>
    public const string Trailer = "VENDOR-TRAILER serial 0042";

    /// <summary>
    /// A real 24×16 JPEG (drawn and encoded with Skia) as a phone sends it: an EXIF block right after the start holding
    /// orientation 6 (turn a quarter clockwise to view, so upright it is 16×24) and a GPS-looking text, and a trailer
    /// after the end of the image.
    /// </summary>
    public static byte[] PhoneJpeg()
    {
        var jpeg = Encode(24, 16, SKEncodedImageFormat.Jpeg);
        byte[] tiff = [(byte)'M', (byte)'M', 0, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        byte[] body = [.. "Exif\0\0"u8, .. tiff, .. "GPS 34.7466N 113.6254E"u8];
        byte[] app1 = [0xFF, 0xE1, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2), .. body];
        return [.. jpeg[..2], .. app1, .. jpeg[2..], .. System.Text.Encoding.ASCII.GetBytes(Trailer)];
    }

    /// <summary>A real 16×16 teal PNG a browser can draw, with a tEXt chunk "Location: GPS 34.7466N 113.6254E".</summary>
    public static byte[] PhonePng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAH3RFWHRMb2NhdGlvbgBHUFMgMzQuNzQ2Nk4gMTEzLjYyNTRF1FHEJQAAABZJREFUeNpj0JrbTxJiGNUwqmH4agAAbLVWECFr3u0AAAAASUVORK5CYII=");

    /// <summary>A picture of the given size, left half orange and right half blue, encoded by Skia.</summary>
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xC2, 0x41, 0x0C));
            using var blue = new SKPaint { Color = new SKColor(0x1D, 0x4E, 0xD8) };
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A small real PNG whose header claims another size (CRC fixed), as a decompression bomb does.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Encode(8, 8, SKEncodedImageFormat.Png);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width); // IHDR data starts at 16: signature 8, length 4, type 4
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A multipart form with one file in the field "file", as a page's file input posts it.</summary>
    public static MultipartFormDataContent Form(byte[] bytes, string name, string contentType = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { content, "file", name } };
    }
}
