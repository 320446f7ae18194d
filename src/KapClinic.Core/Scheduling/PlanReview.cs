namespace KapClinic.Core.Scheduling;

/// <summary>A proposed plan checked against the calendar, item by item (same order as the items).</summary>
public sealed record PlanReview(IReadOnlyList<PlanItemReview> Items)
{
    public IReadOnlyList<PlanItemReview> Conflicting => [.. Items.Where(i => i.HasConflict)];

    public bool HasConflicts => Items.Any(i => i.HasConflict);
}
