namespace KapClinic.Core.Dosing;

/// <summary>Starting a dosing session: the prescriber on site, when it started (clinic time), the appointment if any.</summary>
public sealed class StartDosingInput
{
    public Guid? PrescriberId { get; set; }

    public DateTime? StartedAt { get; set; }

    public Guid? AppointmentId { get; set; }
}
