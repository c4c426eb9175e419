using HomeService.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>The public one-person-one-code page (一人一码) a resident opens by scanning the worker's QR code; no login.</summary>
[AllowAnonymous]
public sealed class WorkerCodeModel(WorkerCodeReader reader) : PageModel
{
    public WorkerCodeReader.PublicWorker? Worker { get; private set; }
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGet(string token)
    {
        Token = token;
        Worker = await reader.Find(token);
        if (Worker is null) Response.StatusCode = StatusCodes.Status404NotFound;
        Response.Headers.CacheControl = "no-store"; // a revoked code must stop working at once, not from a cache
        return Page();
    }
}
