using KapClinic.Core.Auditing;

namespace KapClinic.Core.Tests.Auditing;

public sealed class AuditEventTests
{
    [Fact]
    public void Stores_time_in_utc_and_truncates_long_detail()
    {
        var local = new DateTimeOffset(2026, 3, 8, 1, 30, 0, TimeSpan.FromHours(-5));

        var e = new AuditEvent(local, "User.Updated", AuditOutcome.Success, null, "10.0.0.1", detail: new string('x', 900));

        Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset);
        Assert.Equal(local.UtcDateTime, e.OccurredAt.UtcDateTime);
        Assert.Equal(AuditEvent.DetailMaxLength, e.Detail!.Length);
    }

    [Fact]
    public void Requires_an_action() =>
        Assert.Throws<ArgumentException>(() => new AuditEvent(DateTimeOffset.UtcNow, " ", AuditOutcome.Success, null, null));

    [Fact]
    public void Has_no_public_setters()
    {
        var writable = typeof(AuditEvent).GetProperties().Where(p => p.SetMethod?.IsPublic == true);

        Assert.Empty(writable);
    }
}
