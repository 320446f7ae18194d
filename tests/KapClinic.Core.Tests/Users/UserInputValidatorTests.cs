using KapClinic.Core.Users;

namespace KapClinic.Core.Tests.Users;

public sealed class UserInputValidatorTests
{
    private static NewUserInput Valid() => new()
    {
        Email = "nurse@clinic.org",
        DisplayName = "Jo Nurse",
        Credentials = "RN",
        Password = "plum-harbor-velvet-39",
        IsClinician = true,
    };

    [Fact]
    public void A_complete_new_user_is_valid() =>
        Assert.True(new NewUserInputValidator().Validate(Valid()).IsValid);

    [Fact]
    public void At_least_one_role_is_required()
    {
        var input = Valid();
        input.IsClinician = false;

        var result = new NewUserInputValidator().Validate(input);

        Assert.Contains(result.Errors, e => e.PropertyName == "Roles" && e.ErrorMessage == "Choose at least one role.");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Prescriber_and_supervisor_flags_need_the_clinician_role(bool prescriber, bool supervisor)
    {
        var input = Valid();
        input.IsClinician = false;
        input.IsStaff = true;
        input.IsPrescriber = prescriber;
        input.IsSupervisor = supervisor;

        var result = new NewUserInputValidator().Validate(input);

        Assert.Contains(result.Errors, e => e.ErrorMessage.StartsWith("Only a clinician", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    public void Email_must_look_like_an_address(string email)
    {
        var input = Valid();
        input.Email = email;

        Assert.Contains(new NewUserInputValidator().Validate(input).Errors, e => e.PropertyName == "Email");
    }

    [Fact]
    public void Credentials_are_short()
    {
        var input = new EditUserInput { DisplayName = "X Y", Credentials = new string('M', 21), IsStaff = true };

        Assert.Contains(new EditUserInputValidator().Validate(input).Errors, e => e.PropertyName == "Credentials");
    }

    [Fact]
    public void Password_reset_applies_the_password_policy() =>
        Assert.False(new PasswordResetInputValidator().Validate(new PasswordResetInput { NewPassword = "password1234" }).IsValid);
}
