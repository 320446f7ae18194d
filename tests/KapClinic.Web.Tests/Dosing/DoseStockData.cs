using System.Globalization;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>Dosing sessions ready for their dose, in a clinic that keeps the drug in stock; and what the ledger then holds.</summary>
internal static class DoseStockData
{
    /// <summary>A checked session (70 kg, normal vitals) with a signed-in nurse monitoring and a signed-in prescriber on site.</summary>
    public static async Task<StockSession> SessionAsync(KapClinicAppFactory app, Guid? protocolId = null)
    {
        var (patientId, courseId) = await DosingPagesData.ReadyCourseAsync(app, protocolId);
        var (prescriber, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(app, "Dr. Camila Núñez", "MD", prescriber: true);
        var (nurse, nurseId) = await TestUsers.SignedInAsync(app, ClinicRoles.Clinician);
        var sessionId = await DosingPagesData.SessionAsync(app, patientId, courseId, nurseId, prescriberId, DosingPagesData.CompleteChecklist());
        return new StockSession(patientId, sessionId, nurse, nurseId, prescriber, prescriberId);
    }

    /// <summary>The dose form's fields for an IV dose of <paramref name="doseMg"/> from <paramref name="lotId"/>, given 2 minutes ago by the nurse.</summary>
    public static async Task<List<KeyValuePair<string, string>>> FieldsAsync(KapClinicAppFactory app, StockSession s, Guid? lotId, string doseMg = "35") =>
        DosingPagesData.DoseFields(
            await DosingPagesData.VersionAsync(app, s.SessionId), s.NurseId, (await DosingPagesData.ClinicNowAsync(app)).AddMinutes(-2), doseMg,
            ("Input.LotNumber", ""), ("Input.LotId", lotId?.ToString() ?? ""));

    /// <summary>The same IV dose as the service takes it.</summary>
    public static async Task<DoseInput> InputAsync(KapClinicAppFactory app, StockSession s, Guid lotId, decimal doseMg = 35m) => new()
    {
        Route = AdministrationRoute.Intravenous,
        DoseMg = doseMg,
        AdministeredAt = (await DosingPagesData.ClinicNowAsync(app)).AddMinutes(-2),
        GivenById = s.NurseId,
        LotId = lotId,
        Version = await DosingPagesData.VersionAsync(app, s.SessionId),
    };

    public static async Task<Guid> EsketamineProductAsync(KapClinicAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InventoryService>().CreateProductAsync(new ProductInput
        {
            Name = "Spravato (esketamine) nasal spray", Ndc = $"{Random.Shared.Next(10000, 99999)}-{Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}",
            Drug = DrugKind.Esketamine, Form = DosageForm.NasalDevice, Strength = "28 mg per device", MgPerUnit = 28m, UnitsPerContainer = 1m, ReorderLevelUnits = 6m,
        }, await TestUsers.CreateAsync(app, ClinicRoles.Admin));
    }

    /// <summary>The clinic's date, as the lot's expiry is read.</summary>
    public static async Task<DateOnly> TodayAsync(KapClinicAppFactory app) => DateOnly.FromDateTime(await DosingPagesData.ClinicNowAsync(app));

    public static async Task<List<LedgerEntry>> AdministeredAsync(KapClinicAppFactory app, Guid lotId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().LedgerEntries.AsNoTracking()
            .Where(e => e.LotId == lotId && e.Kind == LedgerEntryKind.Administered).ToListAsync();
    }

    public static async Task<string> MrnAsync(KapClinicAppFactory app, Guid patientId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Patients.Where(p => p.Id == patientId).Select(p => p.Mrn).SingleAsync();
    }

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
