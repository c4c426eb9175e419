using HomeService.Silo;

await SiloApp.Build(args).RunAsync();
