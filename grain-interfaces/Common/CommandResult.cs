namespace HomeService;

/// <summary>The outcome of a command: either the value or field errors keyed by field name.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CommandResult`1")]
public sealed record CommandResult<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] IReadOnlyDictionary<string, string[]>? Errors)
{
    public bool Succeeded => Errors is null || Errors.Count == 0;
    public static CommandResult<T> Ok(T value) => new(value, null);
    public static CommandResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(default, errors);
}
