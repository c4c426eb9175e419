using HomeService.Silo;
using HomeService.Silo.Operations;

if (args.Length > 0 && AdminCommand.Verbs.Contains(args[0])) return await AdminCommand.Run(args);
await SiloApp.Build(args).RunAsync();
return 0;
