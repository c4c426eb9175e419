namespace HomeService;

/// <summary>
/// The ids the registries give: a letter and a number from a database sequence (M1001, W1001). An id brought in from an
/// earlier system or the demo seed must have the same shape, and the sequence steps over a number such an import took.
/// </summary>
public static class RegistryNumber
{
    public const int MaxDigits = 12;

    /// <summary>How many taken numbers in a row the sequence steps over before it gives up and reports the clash.</summary>
    public const int MaxSkips = 20;

    public static bool IsWellFormed(string? id, char letter) =>
        id is { Length: >= 2 and <= MaxDigits + 1 } && id[0] == letter && id[1..].All(char.IsAsciiDigit);

    /// <summary>Whether a grain refused because its id is already someone's.</summary>
    public static bool Taken<T>(CommandResult<T> result, string field) =>
        result.Errors is { } errors && errors.TryGetValue(field, out var codes) && codes.Contains("exists");
}
