using KapClinic.Core.Users;

namespace KapClinic.Core.Tests.Users;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("plum-harbor-velvet-39")]
    [InlineData("correct staple horse lamp")]
    [InlineData("Ñandú pájaro azul corre")] // accents are welcome
    [InlineData("4829 1736 5502 9911")] // digits only: no composition rules
    public void Accepts_long_uncommon_passphrases(string password) =>
        Assert.Empty(PasswordPolicy.Check(password));

    [Fact]
    public void Refuses_fewer_than_12_characters()
    {
        var errors = PasswordPolicy.Check("short-pass1");

        Assert.Contains(errors, e => e.Contains("at least 12 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Counts_characters_not_utf16_units()
    {
        // 11 emoji are 22 UTF-16 units but 11 characters: still too short.
        Assert.NotEmpty(PasswordPolicy.Check(string.Concat(Enumerable.Repeat("🌿", 6)) + "ab💧cd"));
    }

    [Fact]
    public void Allows_at_least_64_characters_and_refuses_more_than_128()
    {
        Assert.Empty(PasswordPolicy.Check("the quiet heron waits by the silver river while the old mill turns at dawn"));
        Assert.NotEmpty(PasswordPolicy.Check(new string('x', 60) + string.Join("-", Enumerable.Range(0, 30))));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("Password2026!!")] // a common word padded with digits and symbols
    [InlineData("Welcome#123456")]
    [InlineData("aaaaaaaaaaaaaaa")] // too repetitive
    [InlineData("121212121212")]
    [InlineData("kapclinic2026")]
    public void Refuses_common_and_predictable_passwords(string password) =>
        Assert.Contains(PasswordPolicy.Check(password), e => e.Contains("too common", StringComparison.Ordinal));

    [Fact]
    public void Refuses_a_password_containing_the_users_own_name_or_email()
    {
        Assert.NotEmpty(PasswordPolicy.Check("rivera-blue-sky-42", "a.rivera@clinic.org", "Ana Rivera"));
        Assert.NotEmpty(PasswordPolicy.Check("NunezGreenLeaf77", null, "Camila Núñez"));
    }

    [Fact]
    public void Refuses_an_empty_password() =>
        Assert.Equal(["Enter a password."], PasswordPolicy.Check(string.Empty));
}
