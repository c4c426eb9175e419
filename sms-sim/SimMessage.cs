namespace HomeService.SmsSim;

/// <summary>One message a simulated provider took: what a phone would receive, with the ids the provider answered.</summary>
public sealed record SimMessage(string Provider, string MessageId, string Phone, string SignName, string TemplateCode,
    IReadOnlyList<string> Values, string? OutId, DateTimeOffset At);
