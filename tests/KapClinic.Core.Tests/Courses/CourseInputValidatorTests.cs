using KapClinic.Core.Courses;

namespace KapClinic.Core.Tests.Courses;

public sealed class CourseInputValidatorTests
{
    [Fact]
    public void Starting_a_course_needs_a_protocol_and_a_date()
    {
        var errors = new StartCourseInputValidator().Validate(new StartCourseInput()).Errors;

        Assert.Contains(errors, e => e.PropertyName == "ProtocolId" && e.ErrorMessage == "Choose the protocol the course follows.");
        Assert.Contains(errors, e => e.PropertyName == "StartDate" && e.ErrorMessage == "Enter the date the course starts.");
    }

    [Fact]
    public void A_complete_start_is_valid() =>
        Assert.True(new StartCourseInputValidator().Validate(new StartCourseInput { ProtocolId = Guid.NewGuid(), StartDate = new DateOnly(2026, 3, 2) }).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Stopping_a_course_needs_a_reason(string? reason)
    {
        var error = Assert.Single(new StopCourseInputValidator().Validate(new StopCourseInput { Reason = reason }).Errors);

        Assert.Equal("Reason", error.PropertyName);
        Assert.StartsWith("Say why the course is stopped", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stop_reason_has_a_length_limit()
    {
        var input = new StopCourseInput { Reason = new string('r', TreatmentCourse.StopReasonMaxLength + 1) };

        Assert.Contains("at most 500 characters", Assert.Single(new StopCourseInputValidator().Validate(input).Errors).ErrorMessage, StringComparison.Ordinal);
    }
}
