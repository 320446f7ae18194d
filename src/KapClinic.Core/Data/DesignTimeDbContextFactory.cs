using KapClinic.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KapClinic.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host or a database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<KapClinicDbContext>
{
    public KapClinicDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KapClinicDbContext>()
            .UseNpgsql("Host=localhost;Database=kapclinic_design")
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new AuditingInterceptor(TimeProvider.System))
            .Options;
        return new KapClinicDbContext(options);
    }
}
