namespace KapClinic.Core.Dosing.Rems;

/// <summary>Where a session's REMS form stands: submitted, due within its 7 days, or past them.</summary>
public enum RemsStatus
{
    Due,
    Overdue,
    Submitted,
}
