namespace KapClinic.Core.Scheduling;

/// <summary>What stands in one plan item's way: clashes (in words), hours, the past; and the next free slot instead.</summary>
public sealed record PlanItemReview(
    int Index,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<string> Conflicts,
    string? OutsideHours,
    bool InPast,
    FreeSlot? Alternative)
{
    public bool HasConflict => Conflicts.Count > 0;
}
