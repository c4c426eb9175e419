using SkiaSharp;

namespace HomeService.Web.Uploads;

/// <summary>
/// Every uploaded picture is decoded and encoded afresh with Skia, so what is kept holds only pixels: no EXIF/XMP (GPS,
/// device, time), no comments, no bytes after the end of the image (a vendor trailer, or HTML behind a PNG header).
/// A JPEG stays a JPEG (quality 85) and a PNG a PNG; the EXIF orientation is applied first so a phone photo stays upright.
/// </summary>
public static class ImageReencoder
{
    /// <summary>Above this many pixels a picture is refused before its pixels are decoded (a small file may claim a huge canvas).</summary>
    public const int MaxMegapixels = 40;
    private const int JpegQuality = 85;

    public abstract record Outcome;
    public sealed record Clean(byte[] Content, string ContentType) : Outcome;
    public sealed record Unreadable : Outcome;
    public sealed record TooManyPixels : Outcome;

    public static Outcome Reencode(byte[] upload)
    {
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null) return new Unreadable();
        var (format, contentType) = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => (SKEncodedImageFormat.Jpeg, "image/jpeg"),
            SKEncodedImageFormat.Png => (SKEncodedImageFormat.Png, "image/png"),
            _ => (default(SKEncodedImageFormat?), ""),
        };
        if (format is null) return new Unreadable();
        if ((long)codec.Info.Width * codec.Info.Height > MaxMegapixels * 1_000_000L) return new TooManyPixels();
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null) return new Unreadable();
        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var encoded = upright.Encode(format.Value, format == SKEncodedImageFormat.Jpeg ? JpegQuality : 100);
        return encoded is null ? new Unreadable() : new Clean(encoded.ToArray(), contentType);
    }

    /// <summary>The pixels turned as the EXIF orientation says, always a new bitmap (the caller disposes both).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return source.Copy();
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = sideways ? (source.Height, source.Width) : (source.Width, source.Height);
        var turned = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(turned);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break; // transpose
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.RotateDegrees(-90); canvas.Scale(1, -1); break; // transverse
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(-90); break;
        }
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null); // quarter turns and mirrors: pixel for pixel
        return turned;
    }
}
