using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>
/// A hand-made audit trail in March 2020 (the clinic in New York, EST), far from the events the set-up itself writes:
/// <code>
/// UTC           clinic day  user   action              outcome  patient
/// 03-02 15:00   03-02       Alice  Patient.ChartViewed Success  P
/// 03-03 15:00   03-03       Alice  Patient.Searched    Success
/// 03-04 03:30   03-03       Bob    Access.Denied       Denied        (22:30 in New York)
/// 03-05 15:00   03-05       Bob    SignIn.Failed       Failure
/// 03-06 15:00   03-06       -      SignIn.Failed       Failure       (detail "=HYPERLINK(...)", unknown email)
/// 03-07 15:00   03-07       Alice  Note.Viewed         Success  P
/// 03-08 15:00   03-08       Alice  PatientsExported    Success       (not "Patient.")
/// </code>
/// </summary>
public sealed class AuditLogFixture : AppFixture
{
    public Guid Admin { get; private set; }

    public Guid Alice { get; private set; }

    public Guid Bob { get; private set; }

    public Guid PatientId { get; private set; }

    public string PatientMrn { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await TestUsers.CreateAsync(Factory, ClinicRoles.Admin, name: "Avery Admin");
        Alice = await TestUsers.CreateAsync(Factory, ClinicRoles.Clinician, email: "alice@clinic.test", name: "Zoë Ñúñez, \"Jr\"");
        Bob = await TestUsers.CreateAsync(Factory, ClinicRoles.Staff, email: "bob@clinic.test", name: "Bob Staff");
        PatientId = await PatientSeed.CreateAsync(Factory);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        PatientMrn = await db.Patients.Where(p => p.Id == PatientId).Select(p => p.Mrn).SingleAsync();
        db.AuditEvents.AddRange(
            Event(3, 2, 15, 0, AuditActions.PatientChartViewed, AuditOutcome.Success, Alice, "Patient", PatientId, PatientId),
            Event(3, 3, 15, 0, AuditActions.PatientSearched, AuditOutcome.Success, Alice, "Patient"),
            Event(3, 4, 3, 30, AuditActions.AccessDenied, AuditOutcome.Denied, Bob, "Report", detail: "report=audit-log"),
            Event(3, 5, 15, 0, AuditActions.SignInFailed, AuditOutcome.Failure, Bob),
            Event(3, 6, 15, 0, AuditActions.SignInFailed, AuditOutcome.Failure, null, detail: "=HYPERLINK(\"http://evil.test\")"),
            Event(3, 7, 15, 0, AuditActions.NoteViewed, AuditOutcome.Success, Alice, "Note", Guid.NewGuid(), PatientId),
            Event(3, 8, 15, 0, "PatientsExported", AuditOutcome.Success, Alice));
        await db.SaveChangesAsync();
    }

    private static AuditEvent Event(
        int month, int day, int hour, int minute, string action, AuditOutcome outcome, Guid? user, string? entity = null, Guid? entityId = null, Guid? patient = null, string? detail = null) =>
        new(new DateTimeOffset(2020, month, day, hour, minute, 0, TimeSpan.Zero), action, outcome, user, "203.0.113.7", entity, entityId, patient, detail);
}
