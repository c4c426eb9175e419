namespace HomeService.Web.Api;

/// <summary>
/// Headers for an uploaded file served back: shown in place under the type we produced (never sniffed into another, so
/// stray bytes can never run as a page), and a file name for saving it (a Chinese name travels as filename*=UTF-8'').
/// </summary>
public static class InlineFile
{
    public static void Headers(HttpResponse response, string fileName)
    {
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
    }

    public static string PhotoName(string stem, string contentType) => stem + (contentType == "image/png" ? ".png" : ".jpg");
}
