using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Sessions;
using KapClinic.Core.Users.Mfa;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Observability;
using KapClinic.Web.Infrastructure.Idempotency;
using KapClinic.Web.Infrastructure.Startup;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace KapClinic.Web.Infrastructure;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddKapClinic(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var connectionString = configuration.GetConnectionString("KapClinic")
            ?? throw new InvalidOperationException("Set the connection string 'ConnectionStrings:KapClinic' (environment variable ConnectionStrings__KapClinic).");

        // preserveStaticLogger: each host keeps its own logger (several hosts share a test process); the request
        // log is pointed at it explicitly in Pipeline.
        builder.Services.AddSerilog((services, logger) => ConfigureLogging(logger, configuration, services), preserveStaticLogger: true);
        builder.Services.Configure<StartupOptions>(configuration.GetSection(StartupOptions.Section));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAuditContext, HttpAuditContext>();
        builder.Services.AddKapClinicCore(connectionString);
        builder.Services.AddScoped<ClinicTime>();
        builder.Services.AddHostedService<AuditChainSealer>();
        builder.Services.AddHostedService<ChangeListenerService>();
        builder.Services.AddSingleton<IdempotencyKeyPruner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencyKeyPruner>());
        builder.Services.AddScoped<IdempotencyFilter>();
        builder.Services.AddClinicValidators(typeof(Program).Assembly);

        AddIdentity(builder);
        Policies.Configure(builder.Services.AddAuthorizationBuilder());
        builder.Services.AddRazorPages(o =>
        {
            RazorPagesAuthorization.Apply(o.Conventions);
            o.Conventions.ConfigureFilter(new NotFoundFilter());
            o.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(IdempotencyFilter)));
        });
        builder.Services.AddMemoryCache();
        builder.Services.AddStaticAssetCompression();
        builder.Services.AddAntiforgery();
        ClinicCookies.Configure(builder); // names and flags of every cookie, after Identity's and antiforgery's defaults
        builder.AddClinicDataProtection();
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<KapClinicDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"]);
        builder.Services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, configuration));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddClinicTelemetry(); // only when an OTLP endpoint is configured
        builder.Services.AddHttpsRedirection(o => o.HttpsPort = configuration.GetValue<int?>("https_port") ?? 443);
        return builder;
    }

    private static void AddIdentity(WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<ClinicUser, IdentityRole<Guid>>(o =>
            {
                // PasswordPolicy (ASVS 2.1) replaces Identity's composition rules.
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
            })
            .AddUserStore<ClinicUserStore>() // recovery codes stored hashed
            .AddRoleStore<RoleStore<IdentityRole<Guid>, KapClinicDbContext, Guid>>()
            .AddTokenProvider<AuthenticatorCodeProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddSignInManager<ClinicSignInManager>()
            .AddClaimsPrincipalFactory<ClinicClaimsPrincipalFactory>()
            .AddPasswordValidator<PasswordPolicyValidator>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ClinicCookies.SessionCookie;
            o.ExpireTimeSpan = SessionLimits.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/StatusCode/403";
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            o.Events.OnRedirectToAccessDenied = AccessDenied.RespondAsync;
        });

        // Between the password and the authenticator code: who is signing in, for 5 minutes (flags from ClinicCookies).
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "kap.mfa";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });

        // Sessions live in PostgreSQL; the cookie carries only the session's random key.
        builder.Services.AddSingleton<SessionCache>();
        builder.Services.AddSingleton<DatabaseTicketStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) => o.SessionStore = store);
    }

    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1;

        // Loopback is trusted by default (a proxy on the same host); list others in ReverseProxy:KnownProxies.
        foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
    }

    private static void ConfigureLogging(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services)
    {
        logger
            .ReadFrom.Services(services) // sinks and enrichers registered in DI (the tests capture every event this way)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With<CalendarTokenRedactor>() // after the others: the feed's secret URL never reaches a sink
            .Enrich.With<LogLineEscaper>() // last: no CR/LF from a request can forge a log line
            // Serilog 4 takes the trace and span ids from Activity.Current: the console shows the trace id, the JSON
            // file carries both (@tr, @sp), so a log line leads to its trace in the collector.
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {TraceId}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture);

        var file = configuration["Logging:File:Path"];
        if (!string.IsNullOrWhiteSpace(file))
        {
            logger.WriteTo.File(new CompactJsonFormatter(), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31);
        }
    }
}
