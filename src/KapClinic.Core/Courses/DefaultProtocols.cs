namespace KapClinic.Core.Courses;

/// <summary>
/// The four protocols every install starts with (CLINICAL.md), seeded by a migration with fixed ids. Doses and
/// counts are common practice, not prescriptions: an Admin adjusts them to the clinic's own protocols.
/// </summary>
public static class DefaultProtocols
{
    public static readonly Guid IvKetamineId = Guid.Parse("0193a1c0-0000-7000-8000-0000000000a1");
    public static readonly Guid ImKapId = Guid.Parse("0193a1c0-0000-7000-8000-0000000000a2");
    public static readonly Guid SublingualKapId = Guid.Parse("0193a1c0-0000-7000-8000-0000000000a3");
    public static readonly Guid EsketamineId = Guid.Parse("0193a1c0-0000-7000-8000-0000000000a4");

    public static IReadOnlyList<(Guid Id, ProtocolDefinition Definition)> All { get; } =
    [
        // 0.5 mg/kg over 40 min, 2-3 times a week, 6 doses; BP every 10 min during the infusion.
        (IvKetamineId, new ProtocolDefinition("IV ketamine series", DrugKind.Ketamine, AdministrationRoute.Intravenous, DoseUnit.MgPerKg, 0.5m, 1.0m, 1, 6, 6, 60, 10)),
        (ImKapId, new ProtocolDefinition("IM ketamine-assisted psychotherapy", DrugKind.Ketamine, AdministrationRoute.Intramuscular, DoseUnit.MgPerKg, 0.5m, 1.5m, 2, 6, 6, 60, 15)),
        // 100-400 mg lozenges; sessions of 2.5-3 h.
        (SublingualKapId, new ProtocolDefinition("Sublingual ketamine-assisted psychotherapy", DrugKind.Ketamine, AdministrationRoute.Sublingual, DoseUnit.Mg, 100m, 400m, 2, 6, 6, 60, 15)),
        // Spravato 56 or 84 mg; twice weekly for weeks 1-4 (8 doses); REMS: at least 120 min of monitoring,
        // BP before dosing, about 40 min after and before discharge.
        (EsketamineId, new ProtocolDefinition("Esketamine (Spravato) induction", DrugKind.Esketamine, AdministrationRoute.Intranasal, DoseUnit.Mg, 56m, 84m, 1, 8, 4, 120, 40)),
    ];
}
