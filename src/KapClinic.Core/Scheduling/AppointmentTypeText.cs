namespace KapClinic.Core.Scheduling;

/// <summary>Appointment types and statuses in words, for pages and messages.</summary>
public static class AppointmentTypeText
{
    public static string Name(AppointmentType type) => type switch
    {
        AppointmentType.Preparation => "Preparation",
        AppointmentType.Dosing => "Dosing",
        AppointmentType.Integration => "Integration",
        AppointmentType.Consult => "Consult",
        _ => type.ToString(),
    };

    /// <summary>"a dosing session", "a consult": for sentences.</summary>
    public static string InSentence(AppointmentType type) => type == AppointmentType.Consult
        ? "a consult"
        : $"a {Name(type).ToLowerInvariant()} session";

    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.InProgress => "In progress",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static string Room(RoomKind kind) => kind switch
    {
        RoomKind.DosingRoom => "Dosing room",
        RoomKind.TherapyRoom => "Therapy room",
        RoomKind.InfusionChair => "Infusion chair",
        _ => kind.ToString(),
    };
}
