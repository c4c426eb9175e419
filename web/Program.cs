using HomeService.Web;

await WebApp.Build(args).RunAsync();
