namespace HomeService.Credit;

/// <summary>Hearts then diamonds, from rating points. Kind "none" below the first threshold (a new merchant).</summary>
public sealed record CreditLevel(string Kind, int Count)
{
    public static readonly CreditLevel None = new("none", 0);

    /// <summary>Thresholds are the points where 1 heart, 2 hearts … 5 hearts, 1 diamond … 5 diamonds begin.</summary>
    public static CreditLevel FromPoints(int points, IReadOnlyList<int> thresholds)
    {
        var reached = thresholds.Count(t => points >= t);
        return reached == 0 ? None : reached <= 5 ? new("heart", reached) : new("diamond", Math.Min(reached - 5, 5));
    }

    /// <summary>The stored form: "heart:3", "diamond:1", "none".</summary>
    public override string ToString() => Count == 0 ? Kind : $"{Kind}:{Count}";

    public string Symbols => Kind switch { "heart" => new string('♥', Count), "diamond" => new string('◆', Count), _ => "" };
}
