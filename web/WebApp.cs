using HomeService.Web.Api;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Doors;
using HomeService.Web.Hosting;
using HomeService.Web.Localization;
using HomeService.Web.Pages;
using HomeService.Web.Realtime;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.WebEncoders;
using Npgsql;

namespace HomeService.Web;

/// <summary>Builds the web host (an Orleans client). Tests call <see cref="Build"/> too, so they run what production runs.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot, ApplicationName = typeof(WebApp).Assembly.GetName().Name });
        configure?.Invoke(builder);
        var settings = WebSettings.From(builder.Configuration);

        builder.Services.AddSingleton(settings);
        var seatPhone = HomeService.Web.Voice.SeatPhoneSettings.From(builder.Configuration);
        if (seatPhone is not null) builder.Services.AddSingleton(seatPhone);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings.ConnectionString));
        builder.Services.AddSingleton<CatalogueReader>();
        builder.Services.AddSingleton<MerchantAdmissionReader>();
        builder.Services.AddSingleton<CreditReader>();
        builder.Services.AddSingleton<WorkerCodeReader>();
        builder.Services.AddSingleton<MemberOrderReader>();
        builder.Services.AddSingleton<MerchantLookupReader>();
        builder.Services.AddSingleton<MerchantPhoneBook>();
        builder.Services.AddSingleton<MerchantOrderReport>();
        builder.Services.AddSingleton<PublicSiteReader>();
        builder.Services.AddSingleton<MemberContactReader>();
        builder.Services.AddSingleton<StaffReader>();
        builder.Services.AddSingleton<InboxReader>();
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton<ReviewPhotoStore>();
        builder.Services.AddSingleton<MerchantDeskReader>();
        builder.Services.AddSingleton<CallListReader>();
        builder.Services.AddSingleton<SupervisorBoard>();
        builder.Services.AddSingleton<SupervisorAuditReader>();
        builder.Services.AddSingleton<RecordingReader>();
        builder.Services.AddSingleton<RecordingAudioStore>();
        builder.Services.AddSingleton(sp => new RecordingLinks(sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            builder.Configuration.GetValue(RecordingLinks.Setting, TimeSpan.FromMinutes(5))));
        builder.Services.AddSingleton<OutboundTargets>();
        builder.Services.AddSingleton<CampaignReader>();
        builder.Services.AddSingleton<OrderReader>();
        builder.Services.AddSingleton<OrderSearch>();
        builder.Services.AddSingleton<WorkQueueReader>();
        builder.Services.AddSingleton<OrderStatistics>();
        builder.Services.AddSingleton<References>();
        builder.Services.AddSingleton<ArticleReader>();
        builder.Services.AddSingleton<MerchantLoginReader>();
        builder.Services.AddScoped<AccountSetup>();
        builder.Services.AddBackOffice();
        builder.AddHomeServiceClusterClient(settings);

        builder.Services.AddHomeServiceAuth(settings);
        builder.Services.AddHomeServiceProblemDetails();
        builder.Services.AddSingleton<UiText>();
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddDoors(builder.Configuration);
        // Chinese text goes out as characters, not as &#x...; escapes, so pages stay readable and small.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(o => o.Conventions.AddHomeServicePageAuthorization())
            .AddMvcOptions(o => o.Filters.Add<RefusedCharactersPageFilter>());
        builder.Services.ConfigureHttpJsonOptions(o => JsonNames.AddTo(o.SerializerOptions.Converters));
        builder.Services.AddSignalR(o => o.AddFilter<HubCharacters>()).AddJsonProtocol(o => JsonNames.AddTo(o.PayloadSerializerOptions.Converters));
        builder.Services.AddSingleton<PushRelay>();
        builder.Services.AddSingleton<LiveSessions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveSessions>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PushRelay>());
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            // Shown at the top of /api/docs: where a partner's developer starts (keys, idempotency, webhook signatures).
            document.Info.Description =
                "合作方接入指南（密钥、幂等、Webhook 签名校验）/ Partner integration guide (keys, idempotency, webhook signatures): [/developers](/developers)";
            return Task.CompletedTask;
        }));
        builder.Services.AddHomeServiceHealthChecks();
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false); // no product name and version for scanners

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(seatPhone?.WebSocketOrigin); // after forwarded headers: HSTS depends on the scheme the client used
        app.UseSecureCookies();
        // Grain calls of this request carry the client's address, so the audit log can say where a change came from.
        app.Use((http, next) =>
        {
            HomeService.Audit.AuditOrigin.SetAddress(http.Connection.RemoteIpAddress?.ToString());
            return next(http);
        });
        app.UseHomeServiceErrors();
        app.UseRequestLocalization(Cultures.Options());
        app.UseStaticFiles();
        app.UseHubOriginCheck(builder.Configuration); // before the hub's negotiate and WebSocket handshake
        // The API reference at /api/docs: Swagger UI from the package's embedded assets (no CDN), reading our OpenAPI document.
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "HomeService API v1");
            o.DocumentTitle = "HomeService API";
            o.EnableValidator(null); // no badge fetched from validator.swagger.io
            // "Try it out" sends through fetch, so the pages' fetch wrapper gives a cookie-signed-in write its request token.
            // (A requestInterceptor option would be rebuilt from text with Function(), which the CSP forbids.)
            o.InjectJavascript(RequestToken.Script);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseCookieWriteTokens();
        app.UseRequestTokenForPages();
        app.UseAntiforgery();
        // After routing (each door is a named policy on its endpoints) and after authorization, since a refused form
        // page is rendered again from here.
        app.UseRateLimiter();
        // Before the pages' antiforgery check, which cannot read a url-encoded form holding a NUL.
        app.UsePageFormsWithNul();

        // Pages link /favicon.svg; a browser or bookmark tool that asks for the old name is sent there.
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();

        var api = app.MapGroup("/api").RetryWhenASiloGoes().RefuseControlCharacters().LimitRequestText();
        api.MapSessionEndpoints();
        api.MapBroadcastEndpoints();
        api.MapCatalogueEndpoints();
        api.MapMerchantAdmissionEndpoints();
        api.MapCreditEndpoints();
        api.MapWorkerCodeEndpoints();
        api.MapMerchantProfileEndpoints();
        api.MapInboxEndpoints();
        api.MapUploadEndpoints();
        api.MapApiKeyEndpoints();
        api.MapCtiEndpoints();
        api.MapConsoleEndpoints();
        api.MapCallEndpoints();
        api.MapIvrEndpoints();
        api.MapSupervisorEndpoints();
        api.MapConsolePartyEndpoints();
        api.MapRecordingEndpoints();
        api.MapOutboundEndpoints();
        api.MapCampaignEndpoints();
        api.MapOrderEndpoints();
        api.MapMerchantWorkerEndpoints();
        api.MapMerchantOrderReportEndpoints();
        api.MapCallbackEndpoints();
        api.MapWorkerPhotoEndpoints();
        api.MapMemberOrderEndpoints();
        api.MapRatingPhotoEndpoints();
        api.MapMemberAccountEndpoints();
        api.MapStatisticsEndpoints();
        api.MapCallKpiEndpoints();
        api.MapRequestEndpoints();
        api.MapWorkQueueEndpoints();
        api.MapPartnerEndpoints();
        api.MapArticleEndpoints();
        api.MapAccountPasswordEndpoints();
        api.MapAccountSetupEndpoints();
        api.MapMerchantLoginEndpoints();
        api.MapBackOffice();
        Sms.SmsCallbackEndpoints.MapSmsCallbackEndpoints(api);
        api.MapFallback(ApiFallback.Handle);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapCultureSwitch();
        app.MapPublicWorkerPhoto();
        app.MapPublicReviewPhoto();
        app.MapRazorPages();
        app.MapHealthEndpoints();
        return app;
    }
}
