using System.Data.Common;
using FluentValidation;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Data.Changes;
using KapClinic.Core.Data.Idempotency;
using KapClinic.Core.Data.Resilience;
using KapClinic.Core.Demo;
using KapClinic.Core.Dosing;
using KapClinic.Core.Dosing.Dashboard;
using KapClinic.Core.Dosing.Rems;
using KapClinic.Core.Integration;
using KapClinic.Core.Inventory;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Preparation;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Screening;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KapClinic.Core.Data;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Statements kept prepared per physical connection (Npgsql evicts the least used beyond this).</summary>
    public const int DefaultMaxAutoPrepare = 256;

    /// <summary>PostgreSQL with retries on transient faults, this assembly's migrations and snake_case names: the app and the owner's migrations alike.</summary>
    /// <remarks>With the app's <see cref="DatabaseCircuit"/>, no retries while the database cannot be reached at all.</remarks>
    public static DbContextOptionsBuilder UseKapClinicDatabase(this DbContextOptionsBuilder options, string connectionString, DatabaseCircuit? circuit = null) => options
        .UseNpgsql(WithPerformanceDefaults(connectionString), npgsql => npgsql
            .ExecutionStrategy(dependencies => new ClinicExecutionStrategy(dependencies, circuit))
            .MigrationsAssembly(typeof(KapClinicDbContext).Assembly.GetName().Name))
        .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The connection string with Npgsql settings the app relies on for speed, unless it sets them itself:
    /// <c>Max Auto Prepare</c> (the app's few hundred distinct statements are prepared once per physical connection
    /// and reused) and <c>No Reset On Close</c> (no <c>DISCARD ALL</c> each time EF Core returns a connection to the
    /// pool, which happens after every query: the app keeps no session state, its advisory locks and
    /// <c>set_config</c> calls are transaction-scoped, so there is nothing to reset).
    /// </summary>
    public static string WithPerformanceDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The clinic's services and data access. The host supplies <see cref="IAuditContext"/> (who and where);
    /// without one, actions are attributed to the system.
    /// </summary>
    public static IServiceCollection AddKapClinicCore(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IAuditContext, SystemAuditContext>();
        services.AddSingleton<AuditingInterceptor>();
        services.AddScoped<IdempotencyClaim>();
        services.AddSingleton<IdempotencyInterceptor>();
        services.AddScoped<IdempotencyKeys>();
        services.AddSingleton<DatabaseCircuit>();
        services.AddSingleton<DatabaseCircuitInterceptor>();
        services.AddScoped<UnitOfWorkContext>();

        // Pooled contexts with options built once: building options and a context per request was a tenth of a page's
        // allocations. Every interceptor is process-wide; what belongs to the request travels on the context.
        services.AddPooledDbContextFactory<KapClinicDbContext>((sp, options) => options
            .UseKapClinicDatabase(connectionString, sp.GetRequiredService<DatabaseCircuit>())
            .AddInterceptors(sp.GetRequiredService<DatabaseCircuitInterceptor>())
            .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>())
            .AddInterceptors(sp.GetRequiredService<IdempotencyInterceptor>())
            .AddInterceptors(sp.GetServices<IInterceptor>())); // hosts and tests may add their own (e.g. a command counter)
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<KapClinicDbContext>>().CreateDbContext();
            db.UnitOfWork = sp.GetRequiredService<UnitOfWorkContext>();
            return db; // disposed with the scope, which returns it to the pool
        });

        // OWASP's 2023 figure for PBKDF2-HMAC-SHA512 (Identity's v3 format uses SHA-512).
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // PatientInputValidator is built per use with the clinic's date and minimum age (PatientRegistry.ValidateAsync).
        services.AddClinicValidators(typeof(KapClinicDbContext).Assembly, include: v => v != typeof(PatientInputValidator));
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditChain>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<Users.Sessions.SessionRegistry>();
        services.AddScoped<Users.Mfa.MfaEnrolment>();
        services.AddScoped<AccountSecurity>();
        services.AddScoped<ClinicSettingsService>();
        services.AddScoped<PatientClinicians>();
        services.AddScoped<PatientRegistry>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoClinicSeeder>();
        services.AddScoped<DemoNotesSeeder>();
        services.AddScoped<DemoDosingSeeder>();
        services.AddScoped<DemoInventorySeeder>();
        services.AddScoped<DemoScheduleSeeder>();
        services.AddScoped<PatientBannerService>();
        services.AddScoped<MeasureService>();
        services.AddScoped<PatientChartService>();
        services.AddScoped<PatientRecordService>();
        services.AddScoped<ConsentService>();
        services.AddScoped<ScreeningService>();
        services.AddScoped<ProtocolService>();
        services.AddScoped<TreatmentCourseService>();
        services.AddScoped<BookingChecks>();
        services.AddScoped<AppointmentConflicts>();
        services.AddScoped<WaitlistService>();
        services.AddScoped<AppointmentBooking>();
        services.AddScoped<AppointmentActions>();
        services.AddScoped<SchedulingLookups>();
        services.AddScoped<RoomService>();
        services.AddScoped<ClinicianHoursService>();
        services.AddScoped<CoursePlanReviewer>();
        services.AddScoped<CoursePlanService>();
        services.AddScoped<ClinicalNoteService>();
        services.AddScoped<PreparationSessionQueries>();
        services.AddScoped<PreparationSessionService>();
        services.AddScoped<ReadinessService>();
        services.AddScoped<PasswordConfirmation>();
        services.AddScoped<DosingSessionService>();
        services.AddScoped<DoseLots>();
        services.AddOptions<Reports.ReportOptions>();
        services.AddScoped<Reports.ReportService>();
        services.AddOptions<Reports.Fhir.FhirExportOptions>();
        services.AddScoped<Reports.Fhir.FhirQueries>();
        services.AddScoped<Reports.Fhir.FhirExportService>();
        services.AddScoped<Reports.ReportChoices>();
        // Every report in this assembly joins the catalogue by implementing IReport.
        foreach (var report in typeof(Reports.IReport).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(Reports.IReport))))
        {
            services.AddScoped(typeof(Reports.IReport), report);
        }

        services.AddScoped<MonitoringService>();
        services.AddScoped<DosingSessionQueries>();
        services.AddScoped<InventoryWitnesses>();
        services.AddScoped<InventoryService>();
        services.AddScoped<InventoryQueries>();
        services.AddScoped<DosingDashboardQueries>();
        services.AddScoped<RemsFormQueries>();
        services.AddScoped<RemsService>();
        services.AddScoped<Inventory.Records.InventoryRecords>();
        services.AddScoped<Inventory.Records.InventoryRecordsExport>();
        services.AddScoped<CalendarQueries>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<WaitlistQueries>();
        services.AddScoped<WaitlistRemoval>();
        services.AddScoped<IntegrationNoteQueries>();
        services.AddScoped<IntegrationContentReader>();
        services.AddScoped<IntegrationNoteService>();
        services.AddScoped<IntegrationThemeService>();
        services.AddScoped<PatientSessionsQueries>();
        AddChangeNotices(services, connectionString);
        return services;
    }

    /// <summary>
    /// The change listener (the host runs <see cref="ChangeListener.RunAsync"/>; without it nothing is cached), the
    /// caches it keeps exact, and the interceptor that applies this instance's own changes to them at once.
    /// </summary>
    private static void AddChangeNotices(IServiceCollection services, string connectionString)
    {
        services.AddSingleton(sp => new ChangeListener(
            connectionString, sp.GetService<ILoggerFactory>()?.CreateLogger<ChangeListener>() ?? NullLogger<ChangeListener>.Instance));
        services.AddSingleton<ChangeNoticeInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ChangeNoticeInterceptor>());
        services.AddSingleton<ClinicSettingsCache>();
    }

    private static bool Mentions(string connectionString, params string[] keys)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(given.ContainsKey);
    }
}
