using KapClinic.Core.Dosing.Rems;

namespace KapClinic.Core.Tests.Dosing;

public sealed class RemsSubmissionInputValidatorTests
{
    private readonly RemsSubmissionInputValidator validator = new();

    [Theory]
    [InlineData("SPRV-2026-0042", true)]
    [InlineData("A1 B2/C3.#4", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("-starts-with-a-dash", false)]
    [InlineData("<script>", false)]
    public void A_confirmation_number_is_required_and_plain(string confirmation, bool valid) =>
        Assert.Equal(valid, validator.Validate(new RemsSubmissionInput { SubmittedOn = new DateOnly(2026, 11, 18), ConfirmationNumber = confirmation }).IsValid);

    [Fact]
    public void The_date_is_required_and_the_number_has_a_length_limit()
    {
        var result = validator.Validate(new RemsSubmissionInput { ConfirmationNumber = new string('7', 61) });

        Assert.Equal(["Enter the date the form was submitted.", "The confirmation number can be at most 60 characters."], result.Errors.Select(e => e.ErrorMessage));
    }
}
