using HomeService.SmsSim;

// deploy/bench.sh runs both simulated providers: dotnet HomeService.SmsSim.dll ALIYUN_PORT TENCENT_PORT KEY_ID SECRET SIGN TEMPLATE...
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: HomeService.SmsSim ALIYUN_PORT TENCENT_PORT KEY_ID SECRET SIGN_NAME [TEMPLATE...]");
    return 2;
}
await using var host = await SmsSimHost.Start(int.Parse(args[0]), int.Parse(args[1]));
foreach (var provider in new SimProvider[] { host.Aliyun, host.Tencent })
{
    provider.Keys[args[2]] = args[3];
    provider.SignNames.Add(args[4]);
    foreach (var template in args.Skip(5)) provider.Templates.Add(template);
}
Console.WriteLine($"aliyun {host.AliyunUrl} tencent {host.TencentUrl}");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;
