namespace HomeService.SmsSim;

/// <summary>Both simulated providers on one local HTTP port each: Alibaba Cloud's at <see cref="AliyunUrl"/>, Tencent Cloud's at <see cref="TencentUrl"/>.</summary>
public sealed class SmsSimHost : IAsyncDisposable
{
    private readonly WebApplication _aliyunApp;
    private readonly WebApplication _tencentApp;

    public AliyunSim Aliyun { get; }
    public TencentSim Tencent { get; }
    public string AliyunUrl { get; }
    public string TencentUrl { get; }

    private SmsSimHost(WebApplication aliyunApp, WebApplication tencentApp, AliyunSim aliyun, TencentSim tencent, string aliyunUrl, string tencentUrl) =>
        (_aliyunApp, _tencentApp, Aliyun, Tencent, AliyunUrl, TencentUrl) = (aliyunApp, tencentApp, aliyun, tencent, aliyunUrl, tencentUrl);

    public static async Task<SmsSimHost> Start(int aliyunPort, int tencentPort, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var aliyun = new AliyunSim(clock);
        var tencent = new TencentSim(clock);
        var aliyunApp = Build(aliyunPort, aliyun.Handle);
        var tencentApp = Build(tencentPort, tencent.Handle);
        await aliyunApp.StartAsync();
        await tencentApp.StartAsync();
        return new SmsSimHost(aliyunApp, tencentApp, aliyun, tencent, $"http://127.0.0.1:{aliyunPort}", $"http://127.0.0.1:{tencentPort}");
    }

    private static WebApplication Build(int port, Func<HttpContext, Task<IResult>> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/", handle);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await _aliyunApp.DisposeAsync();
        await _tencentApp.DisposeAsync();
    }
}
