namespace HomeService.Web.Api;

/// <summary>
/// The photo uploads read their form by hand (so the ownership check comes first). A multipart body the parser cannot
/// read (no boundary, a part header it cannot parse, such as a file name with a bare quote) is the caller's mistake:
/// a "file" field error, never a 500.
/// </summary>
public static class PhotoForm
{
    public sealed record Read(IFormFile? File, bool Unreadable);

    public static async Task<Read> File(HttpRequest request)
    {
        if (!request.HasFormContentType) return new(null, false);
        try
        {
            return new((await request.ReadFormAsync(request.HttpContext.RequestAborted)).Files.GetFile("file"), false);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or ArgumentException)
        {
            return new(null, true);
        }
    }
}
