using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace KapClinic.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseKapClinic(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // First, so every response carries the headers: pages, redirects, static files, 4xx, the error pages.
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<CorrelationIdMiddleware>();

        // Never the developer exception page: a fault shows the friendly page with a correlation id in every environment.
        // A fresh service scope for the error page: its sign-in check and database work start clean, not from the
        // failed request's cached results.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", CreateScopeForErrors = true });
        app.UseStatusCodePagesWithReExecute("/StatusCode/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // one year, subdomains included (ServiceRegistration); only on HTTPS responses
        }

        if (app.Environment.IsProduction())
        {
            app.UseHttpsRedirection();
        }

        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("UserId", http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "-");
                diagnostics.Set("CorrelationId", http.TraceIdentifier);
            };
        });
        app.UseMiddleware<ClientAbortMiddleware>(); // inside the request log: an abandoned request logs as 499, not 500
        app.UseResponseCompression(); // static text files only (StaticAssets: no pages, for BREACH)
        app.UseStaticFiles(StaticAssets.Options());
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<MfaEnrolmentGate>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        app.MapCalendarFeed();
        return app;
    }
}
