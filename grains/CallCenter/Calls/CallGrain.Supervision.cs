namespace HomeService.CallCenter.Calls;

public sealed partial class CallGrain
{
    /// <summary>A property, not a field: the codec reads it while statics initialise, in no set order across partial files.</summary>
    private static (string Name, Type Type)[] SupervisionEvents => [];
}
