using System.Buffers.Binary;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Users;

public sealed class PasswordStorageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Passwords_are_stored_as_pbkdf2_sha512_with_at_least_210000_iterations()
    {
        var id = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Staff);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var hash = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Users
            .Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync();

        // Identity's v3 format: 0x01, PRF (1 = HMAC-SHA256, 2 = HMAC-SHA512), iteration count, salt size, salt, subkey.
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)) >= 210_000);
        Assert.DoesNotContain(TestUsers.Password, hash, StringComparison.Ordinal);
    }
}
