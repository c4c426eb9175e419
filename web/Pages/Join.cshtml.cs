using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>
/// The public application form (商户加盟申请), open without an account. The page only renders; join.js uploads the documents
/// and sends the application to the JSON API, which checks every field and answers problems in the applicant's language.
/// </summary>
public sealed class JoinModel(UiText t) : PageModel
{
    /// <summary>Document kinds offered in the form; the code is what the application stores.</summary>
    public static readonly string[] DocumentKinds = ["business-licence", "service-permit", "insurance", "other"];

    /// <summary>What join.js needs: the words it writes itself.</summary>
    public object Script { get; private set; } = new { };

    public void OnGet() => Script = new
    {
        text = new[] { "join.document.uploading", "join.document.uploaded", "join.document.upload_first", "join.failed", "join.done.sms" }
            .ToDictionary(k => k, k => t[k]),
    };
}
