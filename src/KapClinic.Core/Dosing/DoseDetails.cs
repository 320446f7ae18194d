using KapClinic.Core.Courses;

namespace KapClinic.Core.Dosing;

/// <summary>One administration as entered: what, how much, how, from which lot, by whom, on whose order.</summary>
public sealed record DoseDetails(
    DrugKind Drug,
    AdministrationRoute Route,
    decimal DoseMg,
    decimal? ConcentrationMgPerMl,
    decimal? VolumeMl,
    DateTimeOffset AdministeredAt,
    DateTimeOffset? InfusionEndAt,
    decimal? InfusionRateMlPerHour,
    int? DeviceCount,
    string LotNumber,
    Guid GivenById,
    Guid PrescriberId)
{
    /// <summary>The stock lot given from, once the inventory records lots (its number is also in <see cref="LotNumber"/>).</summary>
    public Guid? LotId { get; init; }
}
