using KapClinic.Core.Auditing;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// One block of a clinician's weekly template, in the clinic's wall-clock time (so 09:00 stays 09:00 across a
/// daylight-saving change). Several blocks a day are allowed (e.g. a split shift).
/// </summary>
public sealed class WorkingHours : IAuditable
{
    private WorkingHours()
    {
    }

    public WorkingHours(Guid clinicianId, DayOfWeek day, TimeOnly start, TimeOnly end, DateTimeOffset createdAt)
    {
        if (end <= start)
        {
            throw new ArgumentException("Working hours must end after they start.", nameof(end));
        }

        Id = Guid.CreateVersion7(createdAt);
        ClinicianId = clinicianId;
        Day = day;
        Start = start;
        End = end;
    }

    public Guid Id { get; private set; }

    public Guid ClinicianId { get; private set; }

    public DayOfWeek Day { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public string AuditEntityType => "WorkingHours";

    public Guid AuditEntityId => Id;
}
