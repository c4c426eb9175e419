using System.Net.Http.Headers;

namespace HomeService.Tests.Infrastructure;

/// <summary>Pictures as a phone sends them, carrying where they were taken, for the tests of photo uploads.</summary>
public static class TestPhotos
{
    /// <summary>A JPEG's shape with an EXIF block holding a GPS-looking text, a quantisation table and a scan (ends 12 34 FF D9).</summary>
    public static byte[] PhoneJpeg() =>
    [
        0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x1C, .. "Exif\0\0"u8, .. "GPS 34.7466N 113.6254E"u8[..20],
        0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64), 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0x12, 0x34, 0xFF, 0xD9,
    ];

    /// <summary>A real 16×16 teal PNG a browser can draw, with a tEXt chunk "Location: GPS 34.7466N 113.6254E".</summary>
    public static byte[] PhonePng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAH3RFWHRMb2NhdGlvbgBHUFMgMzQuNzQ2Nk4gMTEzLjYyNTRF1FHEJQAAABZJREFUeNpj0JrbTxJiGNUwqmH4agAAbLVWECFr3u0AAAAASUVORK5CYII=");

    /// <summary>A multipart form with one file in the field "file", as a page's file input posts it.</summary>
    public static MultipartFormDataContent Form(byte[] bytes, string name, string contentType = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { content, "file", name } };
    }
}
