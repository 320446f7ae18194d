using KapClinic.Core.Courses;

namespace KapClinic.Core.Dosing;

/// <summary>
/// The dose form: one administration. Times are the clinic's wall clock. The override fields are used only when a
/// hold applies: a reason per hold and, when the person recording is not a prescriber, the prescriber on site's password.
/// The lot is chosen from stock (<see cref="LotId"/>) when the clinic keeps the drug in its inventory, otherwise
/// typed (<see cref="LotNumber"/>).
/// </summary>
public sealed class DoseInput
{
    /// <summary>The protocol's route, which the session follows; null means the session's route (any other is refused).</summary>
    public AdministrationRoute? Route { get; set; }

    public decimal? DoseMg { get; set; }

    public decimal? ConcentrationMgPerMl { get; set; }

    public decimal? VolumeMl { get; set; }

    public DateTime? AdministeredAt { get; set; }

    public DateTime? InfusionEndAt { get; set; }

    public decimal? InfusionRateMlPerHour { get; set; }

    public int? DeviceCount { get; set; }

    /// <summary>The lot as printed, when the drug is not kept in the clinic's inventory.</summary>
    public string? LotNumber { get; set; }

    /// <summary>The inventory lot given from, when the drug is kept in stock.</summary>
    public Guid? LotId { get; set; }

    /// <summary>
    /// The form offers lots from stock (set by the page from the inventory, never taken from the post): the lot must
    /// then be chosen, not typed. The service decides again for itself.
    /// </summary>
    public bool LotFromStock { get; set; }

    public Guid? GivenById { get; set; }

    /// <summary>
    /// The prescriber's written reason for each hold overridden, one per gate (posted as
    /// <c>Input.OverrideReasons[BloodPressureHold]</c>): every hold needs its own.
    /// </summary>
    public Dictionary<DosingGate, string?> OverrideReasons { get; set; } = [];

    public string? PrescriberPassword { get; set; }

    public uint Version { get; set; }
}
