using HomeService.VoiceEdge;

var app = EdgeApp.Build(args);
app.Run();
