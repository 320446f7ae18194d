using KapClinic.Core.Auditing;

namespace KapClinic.Core.Scheduling;

/// <summary>An exception to a clinician's weekly hours: leave, training, sickness. Whole days in clinic time.</summary>
public sealed class TimeOff : IAuditable
{
    public const int ReasonMaxLength = 200;

    private TimeOff()
    {
        Reason = string.Empty;
    }

    public TimeOff(Guid clinicianId, DateOnly firstDay, DateOnly lastDay, string reason, DateTimeOffset createdAt)
        : this()
    {
        if (lastDay < firstDay)
        {
            throw new ArgumentException("Time off must end on or after its first day.", nameof(lastDay));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Id = Guid.CreateVersion7(createdAt);
        ClinicianId = clinicianId;
        FirstDay = firstDay;
        LastDay = lastDay;
        Reason = reason.Trim();
    }

    public Guid Id { get; private set; }

    public Guid ClinicianId { get; private set; }

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public string Reason { get; private set; }

    public string AuditEntityType => "TimeOff";

    public Guid AuditEntityId => Id;

    public bool Covers(DateOnly day) => FirstDay <= day && day <= LastDay;
}
