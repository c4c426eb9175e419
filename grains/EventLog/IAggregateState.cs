namespace HomeService.EventLog;

/// <summary>State that is a fold of its events; <see cref="Version"/> is the number of events applied.</summary>
public interface IAggregateState
{
    int Version { get; set; }

    void Apply(object e);
}
