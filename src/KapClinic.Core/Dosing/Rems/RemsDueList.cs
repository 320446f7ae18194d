namespace KapClinic.Core.Dosing.Rems;

/// <summary>The REMS forms still to submit (overdue first, then by due date) and those submitted in the last 30 days.</summary>
public sealed record RemsDueList(DateOnly Today, IReadOnlyList<RemsDueItem> Open, IReadOnlyList<RemsSubmittedItem> RecentlySubmitted)
{
    public const int RecentDays = 30;

    public int OverdueCount => Open.Count(i => i.IsOverdue);

    public int DueCount => Open.Count - OverdueCount;

    public IReadOnlyList<RemsDueItem> Overdue => [.. Open.Where(i => i.IsOverdue)];

    public IReadOnlyList<RemsDueItem> Due => [.. Open.Where(i => !i.IsOverdue)];
}
