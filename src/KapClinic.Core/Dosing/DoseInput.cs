using KapClinic.Core.Courses;

namespace KapClinic.Core.Dosing;

/// <summary>
/// The dose form: one administration. Times are the clinic's wall clock. The override fields are used only when a
/// hold applies: a reason and, when the person recording is not a prescriber, the prescriber on site's password.
/// </summary>
public sealed class DoseInput
{
    public AdministrationRoute? Route { get; set; }

    public decimal? DoseMg { get; set; }

    public decimal? ConcentrationMgPerMl { get; set; }

    public decimal? VolumeMl { get; set; }

    public DateTime? AdministeredAt { get; set; }

    public DateTime? InfusionEndAt { get; set; }

    public decimal? InfusionRateMlPerHour { get; set; }

    public int? DeviceCount { get; set; }

    public string? LotNumber { get; set; }

    public Guid? GivenById { get; set; }

    public string? OverrideReason { get; set; }

    public string? PrescriberPassword { get; set; }

    public uint Version { get; set; }
}
