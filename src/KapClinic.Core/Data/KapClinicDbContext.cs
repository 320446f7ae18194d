using KapClinic.Core.Auditing;
using KapClinic.Core.Consents;
using KapClinic.Core.Integration;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Inventory;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Preparation;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Screening;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Sessions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace KapClinic.Core.Data;

/// <summary>
/// The one DbContext. Entity configuration lives in one IEntityTypeConfiguration per entity. It also holds the
/// ASP.NET Core Data Protection key ring (data_protection_keys), so every app instance shares the same keys.
/// </summary>
public class KapClinicDbContext(DbContextOptions<KapClinicDbContext> options)
    : IdentityDbContext<ClinicUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The leasing scope's actor and idempotency claim (set by the scope's registration in AddKapClinicCore); null for
    /// a context made by hand (migrations, tools), whose changes are attributed to the system.
    /// </summary>
    public UnitOfWorkContext? UnitOfWork { get; set; }

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Idempotency.IdempotencyKey> IdempotencyKeys => Set<Idempotency.IdempotencyKey>();

    public DbSet<ClinicSettings> ClinicSettings => Set<ClinicSettings>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<WeightEntry> WeightEntries => Set<WeightEntry>();

    public DbSet<Allergy> Allergies => Set<Allergy>();

    public DbSet<Medication> Medications => Set<Medication>();

    public DbSet<Diagnosis> Diagnoses => Set<Diagnosis>();

    public DbSet<ScreeningVersion> Screenings => Set<ScreeningVersion>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<Protocol> Protocols => Set<Protocol>();

    public DbSet<TreatmentCourse> TreatmentCourses => Set<TreatmentCourse>();

    public DbSet<MeasureResponse> MeasureResponses => Set<MeasureResponse>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<WorkingHours> WorkingHours => Set<WorkingHours>();

    public DbSet<TimeOff> TimeOff => Set<TimeOff>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<ClinicalNote> ClinicalNotes => Set<ClinicalNote>();

    public DbSet<NoteAddendum> NoteAddenda => Set<NoteAddendum>();

    public DbSet<NoteCoSignature> NoteCoSignatures => Set<NoteCoSignature>();

    public DbSet<PreparationSession> PreparationSessions => Set<PreparationSession>();

    public DbSet<IntegrationNote> IntegrationNotes => Set<IntegrationNote>();

    public DbSet<HomeworkItem> HomeworkItems => Set<HomeworkItem>();

    public DbSet<IntegrationTheme> IntegrationThemes => Set<IntegrationTheme>();

    public DbSet<DosingSession> DosingSessions => Set<DosingSession>();

    public DbSet<DoseAdministration> DoseAdministrations => Set<DoseAdministration>();

    public DbSet<VitalsReading> VitalsReadings => Set<VitalsReading>();

    public DbSet<AdverseEvent> AdverseEvents => Set<AdverseEvent>();

    public DbSet<GateOverride> GateOverrides => Set<GateOverride>();

    public DbSet<RemsSubmission> RemsSubmissions => Set<RemsSubmission>();

    public DbSet<DrugProduct> DrugProducts => Set<DrugProduct>();

    public DbSet<Lot> Lots => Set<Lot>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<Discrepancy> Discrepancies => Set<Discrepancy>();

    public DbSet<Inventory.Records.SignedInventory> SignedInventories => Set<Inventory.Records.SignedInventory>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("pg_trgm");
        builder.HasPostgresExtension("btree_gist");
        builder.HasSequence<long>(Configurations.PatientConfiguration.MrnSequence);
        builder.HasDbFunction(typeof(PatientSearchFunctions).GetMethod(nameof(PatientSearchFunctions.Fold))!)
            .HasName(PatientSearchFunctions.UnaccentFunction);
        builder.HasDbFunction(typeof(PatientSearchFunctions).GetMethod(nameof(PatientSearchFunctions.MatchCount))!)
            .HasTranslation(_ => new SqlFragmentExpression("(count(*) OVER ())::int", typeof(int), new IntTypeMapping("integer")));
        builder.ApplyConfigurationsFromAssembly(typeof(KapClinicDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in SQL, and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
