using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class AppointmentTimesValidatorTests
{
    private static string? EndError(int startHour, int startMinute, int endHour, int endMinute)
    {
        var input = new BookAppointmentInput
        {
            PatientId = Guid.NewGuid(), Type = AppointmentType.Consult, ClinicianId = Guid.NewGuid(),
            Date = new DateOnly(2027, 3, 1), StartTime = new TimeOnly(startHour, startMinute), EndTime = new TimeOnly(endHour, endMinute),
        };
        return new BookAppointmentInputValidator().Validate(input).Errors.SingleOrDefault(e => e.PropertyName == "EndTime")?.ErrorMessage;
    }

    [Fact]
    public void An_end_before_the_start_is_refused() =>
        Assert.Equal("The end time is before the start time. Appointments end on the day they start.", EndError(10, 0, 9, 0));

    [Fact]
    public void A_zero_length_appointment_is_refused() =>
        Assert.Equal("The end time is the same as the start time: an appointment must last some time.", EndError(10, 0, 10, 0));

    [Fact]
    public void More_than_twelve_hours_is_refused() =>
        Assert.Equal("An appointment can last at most 12 hours; check the start and end times.", EndError(7, 0, 19, 30));

    [Fact]
    public void Exactly_twelve_hours_is_allowed() => Assert.Null(EndError(7, 0, 19, 0));

    [Fact]
    public void Dosing_needs_a_prescriber_and_a_room()
    {
        var input = new BookAppointmentInput
        {
            PatientId = Guid.NewGuid(), Type = AppointmentType.Dosing, ClinicianId = Guid.NewGuid(),
            Date = new DateOnly(2027, 3, 1), StartTime = new TimeOnly(9, 0),
        };

        var errors = new BookAppointmentInputValidator().Validate(input).Errors.Select(e => e.PropertyName).ToList();

        Assert.Equal(["PrescriberId", "RoomId"], errors);
    }
}
