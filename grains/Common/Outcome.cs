namespace HomeService;

/// <summary>A command's result: an event to record, nothing to do, or a refusal with a code.</summary>
public readonly record struct Outcome(object? Event, string? Error)
{
    public static readonly Outcome Unchanged = new(null, null);
    public static Outcome Of(object e) => new(e, null);
    public static Outcome Fail(string error) => new(null, error);
    public bool Failed => Error is not null;
}
