namespace KapClinic.Core.Dosing;

/// <summary>
/// What a reading or an adverse event needs to know of its session, read in one small query: readings are
/// inserted on their own (no session row update), so two clinicians adding readings at once never conflict.
/// </summary>
public sealed record SessionHeader(Guid Id, Guid PatientId, DateTimeOffset StartedAt, DateTimeOffset? DischargedAt, bool IsSigned)
{
    /// <summary>Refuses a time before the start, in the future, or after discharge; and any change to a signed session.</summary>
    public void EnsureTimeFits(DateTimeOffset at, DateTimeOffset now, string field, string what)
    {
        if (IsSigned)
        {
            throw new Common.RuleViolationException("This session is signed and can no longer change. Add an addendum instead.");
        }

        if (at < StartedAt)
        {
            throw new Common.RuleViolationException(field, $"{what} cannot be before the session started.");
        }

        if (at > now.AddMinutes(DosingSession.FutureToleranceMinutes))
        {
            throw new Common.RuleViolationException(field, $"{what} cannot be in the future.");
        }

        if (DischargedAt is { } discharged && at > discharged)
        {
            throw new Common.RuleViolationException(field, $"{what} cannot be after the patient was discharged.");
        }
    }
}
