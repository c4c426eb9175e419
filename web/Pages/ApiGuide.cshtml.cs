using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>
/// 接入指南 at /developers, linked from the API reference at /api/docs: how a partner gets a key, the idempotency rule
/// of the create call, and how to check a webhook's signature, with a worked example a test recomputes with our signer.
/// </summary>
public sealed class ApiGuideModel : PageModel
{
    /// <summary>The worked example: a made-up secret, a fixed time and a body as a delivery carries them, and their signature.</summary>
    public const string ExampleSecret = "whsec_3f9a1c7e52d84b06";
    public const string ExampleTimestamp = "1767225600";
    public const string ExampleBody =
        """{"event": "order.updated", "status": "Completed", "orderNo": "20260101000123", "version": 7, "workerId": "W1001", "merchantId": "M1001"}""";
    public const string ExampleSignature = "2e2a5153dfbb508adc5ac2f71bfb5d50410bfc05dd7a814682c5055f8337a179";

    public void OnGet()
    {
    }
}
