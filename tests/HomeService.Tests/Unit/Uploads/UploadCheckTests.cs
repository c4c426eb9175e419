using System.Text;
using HomeService.Tests.Infrastructure;
using HomeService.Web.Uploads;
using SkiaSharp;

namespace HomeService.Tests.Unit.Uploads;

/// <summary>
/// What is kept of an upload: a picture decoded and encoded afresh (no metadata, nothing after its end, upright), a PDF
/// only when it parses, and never a picture whose header claims more than 40 megapixels.
/// </summary>
public sealed class UploadCheckTests
{
    private const string Html = "<html><script>alert(document.cookie)</script></html>";

    [Fact]
    public void A_phone_jpeg_comes_back_upright_without_its_exif_gps_or_trailer()
    {
        var result = UploadCheck.Photo(TestPhotos.PhoneJpeg());
        Assert.Null(result.Error);
        Assert.Equal("image/jpeg", result.ContentType);
        var text = Encoding.ASCII.GetString(result.Content!);
        Assert.DoesNotContain("GPS", text);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain("VENDOR", text);
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, result.Content![^2..]); // ends where the image ends
        using var codec = SKCodec.Create(SKData.CreateCopy(result.Content));
        Assert.Equal((16, 24), (codec.Info.Width, codec.Info.Height)); // orientation 6 applied: 24×16 turned a quarter
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
    }

    [Fact]
    public void A_png_header_followed_by_html_is_refused_and_html_after_a_real_png_is_not_kept()
    {
        byte[] fake = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes(Html)];
        Assert.Equal("image-unreadable", UploadCheck.Document(fake).Error);
        Assert.Equal("photo-type", UploadCheck.Photo(fake).Error);

        var behind = UploadCheck.Document([.. TestPhotos.PhonePng(), .. Encoding.ASCII.GetBytes(Html)]);
        Assert.Null(behind.Error);
        Assert.Equal("image/png", behind.ContentType);
        var kept = Encoding.ASCII.GetString(behind.Content!);
        Assert.DoesNotContain("<script", kept);
        Assert.DoesNotContain("GPS", kept); // the tEXt chunk went too
    }

    [Fact]
    public void A_picture_claiming_more_than_40_megapixels_is_refused_before_it_is_decoded()
    {
        Assert.Equal("too-many-pixels:40", UploadCheck.Photo(TestPhotos.PngClaiming(8000, 6000)).Error);
        Assert.Null(UploadCheck.Photo(TestPhotos.Encode(64, 48, SKEncodedImageFormat.Png)).Error);
    }

    [Fact]
    public void A_pdf_must_parse_and_is_kept_byte_for_byte()
    {
        Assert.Equal("pdf-unreadable", UploadCheck.Document(TestDocuments.UnparseablePdf()).Error);
        Assert.Equal("pdf-unreadable", UploadCheck.Document([.. "%PDF-1.7\n"u8, .. TestPhotos.PhonePng()]).Error);
        var pdf = TestDocuments.MinimalPdf("营业执照");
        var result = UploadCheck.Document(pdf);
        Assert.Null(result.Error);
        Assert.Equal("application/pdf", result.ContentType);
        Assert.Equal(pdf, result.Content);
    }
}
