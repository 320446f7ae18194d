using KapClinic.Core.Users;

namespace KapClinic.Core.Tests.Users;

public sealed class ClinicUserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Signature_name_shows_credentials_after_the_name()
    {
        var user = new ClinicUser("dr@clinic.org", "Dr. Camila Núñez", Now);
        user.UpdateProfile("Dr. Camila Núñez", "MD", isPrescriber: true, isSupervisor: false);

        Assert.Equal("Dr. Camila Núñez, MD", user.SignatureName);
    }

    [Fact]
    public void Disabling_ends_every_session_by_changing_the_security_stamp()
    {
        var user = new ClinicUser("a@clinic.org", "A", Now);
        var stamp = user.SecurityStamp;

        user.Disable();

        Assert.True(user.IsDisabled);
        Assert.NotEqual(stamp, user.SecurityStamp);
    }

    [Fact]
    public void New_users_can_be_locked_out_and_use_the_email_as_user_name()
    {
        var user = new ClinicUser("  a@clinic.org ", "A", Now);

        Assert.True(user.LockoutEnabled);
        Assert.Equal("a@clinic.org", user.UserName);
        Assert.NotEqual(Guid.Empty, user.Id);
    }
}
