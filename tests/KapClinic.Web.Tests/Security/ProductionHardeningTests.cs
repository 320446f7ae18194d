using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Security;

/// <summary>
/// The app as deployed: environment Production, over HTTPS, with the Data Protection keys protected by a
/// certificate named in configuration. Cookies carry the __Host- prefix and every response the security headers.
/// </summary>
public sealed class ProductionHardeningTests : IAsyncLifetime
{
    private const string CertificatePassword = "test-certificate-password";
    private static readonly Uri Https = new("https://kapclinic.test");
    private readonly string certificatePath = Path.Combine(Path.GetTempPath(), $"kapclinic-dp-{Guid.NewGuid():N}.pfx");
    private KapClinicAppFactory app = null!;

    public async Task InitializeAsync()
    {
        WriteCertificate(certificatePath);
        var server = await PostgresServer.InstanceAsync();
        app = Production(new KapClinicAppFactory(await server.CreateDatabaseAsync("production")));
        _ = app.Services;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        File.Delete(certificatePath);
    }

    [Fact]
    public async Task Every_cookie_is_a_Host_prefixed_secure_http_only_strict_cookie_for_the_whole_site()
    {
        var email = $"prod-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateWithoutMfaAsync(app, ClinicRoles.Staff, email); // Staff without an app: the password alone signs in
        var client = Client();

        var setCookies = (await client.GetAsync("/Account/Login")).Headers.GetValues("Set-Cookie").ToList();
        var signIn = await HtmlForms.PostAsync(client, "/Account/Login", [new("Input.Email", email), new("Input.Password", TestUsers.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        setCookies.AddRange(signIn.Headers.GetValues("Set-Cookie"));
        setCookies.AddRange((await HtmlForms.PostAsync(client, "/", [], "/Account/Logout")).Headers.GetValues("Set-Cookie"));

        Assert.Contains(setCookies, c => c.StartsWith("__Host-kap.session=", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("__Host-kap.af=", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("__Host-kap.tempdata=", StringComparison.Ordinal));
        Assert.All(setCookies, c =>
        {
            Assert.StartsWith("__Host-", c, StringComparison.Ordinal);
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/", c, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_404_a_403_and_a_normal_page_carry_every_security_header_and_HSTS_for_a_year()
    {
        var email = $"staff-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateWithoutMfaAsync(app, ClinicRoles.Staff, email); // Staff without an app: the password alone signs in
        var client = Client();
        await HtmlForms.PostAsync(client, "/Account/Login", [new("Input.Email", email), new("Input.Password", TestUsers.Password)]);

        var page = await client.GetAsync("/");
        var notFound = await client.GetAsync("/No/Such/Page");
        var forbidden = await client.GetAsync("/Admin/Users");
        var missingAsset = await client.GetAsync("/css/no-such-file.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingAsset.StatusCode);
        foreach (var response in new[] { page, notFound, forbidden, missingAsset })
        {
            SecurityHeaderAssertions.AssertAll(response, hsts: true);
        }
    }

    [Fact]
    public async Task The_error_page_for_a_database_outage_carries_every_security_header()
    {
        await using var broken = Production(new KapClinicAppFactory("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2;Command Timeout=2"))
            .WithSetting("Startup:MigrateDatabase", "false");
        using var client = TestUsers.Track(broken.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false }), broken);

        var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        SecurityHeaderAssertions.AssertAll(response, hsts: true);
    }

    [Fact]
    public async Task The_stored_keys_are_encrypted_with_the_configured_certificate()
    {
        await Client().GetStringAsync("/Account/Login");

        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().DataProtectionKeys.ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("EncryptedData", k.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", k.Xml, StringComparison.Ordinal); // no plain master key
        });
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_key_protection_certificate()
    {
        var server = await PostgresServer.InstanceAsync();
        await using var unprotected = new KapClinicAppFactory(await server.CreateDatabaseAsync("unprotected"))
            .WithEnvironment("Production")
            .WithSetting("DataProtection:AllowUnprotectedKeys", "false");

        var error = Assert.ThrowsAny<Exception>(() => unprotected.Services);

        Assert.Contains("DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    private KapClinicAppFactory Production(KapClinicAppFactory factory) => factory
        .WithEnvironment("Production")
        .WithSetting("DataProtection:AllowUnprotectedKeys", "false")
        .WithSetting("DataProtection:CertificatePath", certificatePath)
        .WithSetting("DataProtection:CertificatePassword", CertificatePassword);

    private HttpClient Client() =>
        TestUsers.Track(app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false, HandleCookies = true }), app);

    private static void WriteCertificate(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=KapClinic Data Protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }
}
