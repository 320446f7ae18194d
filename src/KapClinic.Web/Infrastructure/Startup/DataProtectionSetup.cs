using System.Security.Cryptography.X509Certificates;
using KapClinic.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace KapClinic.Web.Infrastructure.Startup;

/// <summary>
/// ASP.NET Core Data Protection (it protects sign-in sessions, antiforgery tokens and TempData): one key ring in
/// PostgreSQL (table data_protection_keys) shared by every app instance under the fixed application name
/// "KapClinic", its keys encrypted at rest with the certificate named in configuration:
/// DataProtection:CertificatePath (a PFX) and DataProtection:CertificatePassword, or
/// DataProtection:CertificateThumbprint (from the current user's "My" store). Outside Development the app refuses to
/// start without one unless DataProtection:AllowUnprotectedKeys is true.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "KapClinic";
    public const string Section = "DataProtection";

    public static WebApplicationBuilder AddClinicDataProtection(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<KapClinicDbContext>();

        var certificate = LoadCertificate(section);
        if (certificate is not null)
        {
            protection.ProtectKeysWithCertificate(certificate);
            protection.UnprotectKeysWithAnyCertificate(certificate); // also on Linux, where no store holds it
        }
        else if (!builder.Environment.IsDevelopment() && !section.GetValue<bool>("AllowUnprotectedKeys"))
        {
            throw new InvalidOperationException(
                "Data Protection keys must be encrypted at rest: set DataProtection:CertificatePath (a PFX file) and " +
                "DataProtection:CertificatePassword, or DataProtection:CertificateThumbprint. To run without " +
                "(not recommended), set DataProtection:AllowUnprotectedKeys=true.");
        }

        return builder;
    }

    private static X509Certificate2? LoadCertificate(IConfigurationSection section)
    {
        var path = section["CertificatePath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"DataProtection:CertificatePath names a file that does not exist: {path}");
            }

            return RequirePrivateKey(X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]), "DataProtection:CertificatePath");
        }

        var thumbprint = section["CertificateThumbprint"];
        if (string.IsNullOrWhiteSpace(thumbprint))
        {
            return null;
        }

        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Trim(), validOnly: false);
        return found.Count == 1
            ? RequirePrivateKey(found[0], "DataProtection:CertificateThumbprint")
            : throw new InvalidOperationException("DataProtection:CertificateThumbprint names no certificate in the current user's My store.");
    }

    private static X509Certificate2 RequirePrivateKey(X509Certificate2 certificate, string setting) =>
        certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate named by {setting} has no private key; Data Protection needs it to read its keys.");
}
