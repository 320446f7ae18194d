namespace KapClinic.Soak;

/// <summary>One injected fault: when it began and ended (time since the load started) and what was seen.</summary>
public sealed record FaultEvent(string Name, TimeSpan Began, TimeSpan Ended, string Note, bool Passed = true);
