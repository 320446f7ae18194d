using KapClinic.Core.Integration;
using KapClinic.Core.Patients;

namespace KapClinic.Core.Dosing;

/// <summary>The dosing page's side reads as <see cref="DosingPageSql"/> returns them.</summary>
internal sealed record DosingPageRows(
    DosingPageRows.PatientRow? Patient,
    string ProtocolName,
    IReadOnlyList<DosingPageRows.StaffRow> Staff,
    IReadOnlyList<DosingPageRows.NameRow> Mentioned,
    DosingPageRows.CssrsRow? Cssrs,
    IReadOnlyList<SessionMeasure> Measures)
{
    internal sealed record PatientRow(string LegalFirstName, string LegalLastName, string? PreferredName, string Mrn, PatientStatus Status, bool IsArchived);

    internal sealed record StaffRow(Guid Id, string Name, bool IsPrescriber);

    internal sealed record NameRow(Guid Id, string Name);

    internal sealed record CssrsRow(Guid Id, DateTimeOffset TakenAt, IReadOnlyList<string> Alerts);
}
