namespace HomeService.CallCenter.Calls;

public sealed partial class CallState
{
    /// <summary>Folds this feature's events; false when the event is not one of them.</summary>
    private bool ApplySupervision(object e) => false;
}
