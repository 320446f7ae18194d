namespace KapClinic.Core.Integration;

/// <summary>Where a homework item or action step stands. Open and in-progress items carry forward to the next note.</summary>
public enum HomeworkStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}
