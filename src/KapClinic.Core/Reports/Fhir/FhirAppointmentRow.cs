using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>One appointment for a FHIR Appointment.</summary>
public sealed record FhirAppointmentRow(
    Guid Id, Guid PatientId, AppointmentType Type, AppointmentStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, Guid ClinicianId,
    string? ClinicianName, Guid? RoomId, string? RoomName, DateTimeOffset CreatedAt);
