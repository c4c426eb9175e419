using HomeService.Web.Data;

namespace HomeService.Web.Uploads;

/// <summary>
/// What an upload becomes before it is kept: a picture re-encoded (<see cref="ImageReencoder"/>), a PDF as uploaded once it
/// parses and carries no active content (<see cref="PdfCheck"/>); otherwise the field error code to answer with.
/// </summary>
public static class UploadCheck
{
    public sealed record Result(byte[]? Content, string? ContentType, string? Error);

    /// <summary>A worker's or a review's photo: JPEG or PNG only.</summary>
    public static Result Photo(byte[] upload) =>
        UploadStore.Sniff(upload) is "image/jpeg" or "image/png" ? Image(upload, "photo-type") : new(null, null, "photo-type");

    /// <summary>A qualification document: PDF, JPEG or PNG.</summary>
    public static Result Document(byte[] upload) => UploadStore.Sniff(upload) switch
    {
        "application/pdf" => PdfCheck.Check(upload) switch
        {
            PdfCheck.Verdict.Clean => new(upload, "application/pdf", null),
            PdfCheck.Verdict.ActiveContent => new(null, null, "pdf-active-content"),
            _ => new(null, null, "pdf-unreadable"),
        },
        "image/jpeg" or "image/png" => Image(upload, "image-unreadable"),
        _ => new(null, null, "file-type"),
    };

    private static Result Image(byte[] upload, string unreadable) => ImageReencoder.Reencode(upload) switch
    {
        ImageReencoder.Clean clean => new(clean.Content, clean.ContentType, null),
        ImageReencoder.TooManyPixels => new(null, null, $"too-many-pixels:{ImageReencoder.MaxMegapixels}"),
        _ => new(null, null, unreadable),
    };
}
