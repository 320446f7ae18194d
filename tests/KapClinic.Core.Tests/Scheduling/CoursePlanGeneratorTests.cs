using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class CoursePlanGeneratorTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    private static CoursePlanOptions Options(int preparation, int dosing, int integration, DateOnly start, params DayOfWeek[] days) =>
        new(start, preparation, dosing, integration, 120, days.Length == 0 ? CoursePlanGenerator.DefaultDosingDays : days, Nine, Nine, new TimeOnly(14, 0));

    [Fact]
    public void An_iv_course_has_preparation_then_six_doses_on_monday_and_thursday_each_followed_by_integration_the_next_working_day()
    {
        var plan = CoursePlanGenerator.Propose(Options(1, 6, 6, new DateOnly(2027, 3, 1)));

        Assert.Equal(13, plan.Count);
        var preparation = Assert.Single(plan, s => s.Type == AppointmentType.Preparation);
        Assert.Equal(new DateOnly(2027, 3, 1), preparation.Date);
        Assert.Equal(60, preparation.Minutes);
        var doses = plan.Where(s => s.Type == AppointmentType.Dosing).ToList();
        Assert.Equal(
            new[] { new DateOnly(2027, 3, 4), new(2027, 3, 8), new(2027, 3, 11), new(2027, 3, 15), new(2027, 3, 18), new(2027, 3, 22) },
            doses.Select(d => d.Date));
        Assert.All(doses, d => Assert.Equal(120, d.Minutes));
        Assert.Equal("Dosing 6 of 6", doses[^1].Label);
        var integrations = plan.Where(s => s.Type == AppointmentType.Integration).Select(s => s.Date).ToList();
        Assert.Equal(doses.Select(d => CoursePlanGenerator.NextWorkingDay(d.Date)), integrations);
        Assert.Equal(new DateOnly(2027, 3, 5), integrations[0]); // Thursday's dose: Friday
    }

    [Fact]
    public void Integration_after_a_friday_dose_is_on_monday_within_72_hours()
    {
        var plan = CoursePlanGenerator.Propose(Options(0, 1, 1, new DateOnly(2027, 3, 1), DayOfWeek.Friday));

        Assert.Equal(new DateOnly(2027, 3, 5), plan[0].Date);
        Assert.Equal(new DateOnly(2027, 3, 8), plan[1].Date);
        Assert.Equal(AppointmentType.Integration, plan[1].Type);
    }

    [Fact]
    public void Preparation_is_weekly_from_the_start_and_a_weekend_start_moves_to_monday()
    {
        var plan = CoursePlanGenerator.Propose(Options(3, 1, 0, new DateOnly(2027, 2, 27))); // a Saturday

        Assert.Equal(
            new[] { new DateOnly(2027, 3, 1), new(2027, 3, 8), new(2027, 3, 15) },
            plan.Where(s => s.Type == AppointmentType.Preparation).Select(s => s.Date));
        Assert.Equal(new DateOnly(2027, 3, 18), plan.Single(s => s.Type == AppointmentType.Dosing).Date);
    }

    [Fact]
    public void Fewer_integrations_than_doses_follow_doses_spread_evenly_including_the_last()
    {
        var plan = CoursePlanGenerator.Propose(Options(0, 8, 4, new DateOnly(2027, 3, 1)));
        var doses = plan.Where(s => s.Type == AppointmentType.Dosing).Select(s => s.Date).ToList();
        var integrations = plan.Where(s => s.Type == AppointmentType.Integration).Select(s => s.Date).ToList();

        int[] after = [1, 3, 5, 7];
        Assert.Equal(after.Select(i => CoursePlanGenerator.NextWorkingDay(doses[i])), integrations);
    }

    [Fact]
    public void More_integrations_than_doses_continue_weekly_after_the_last()
    {
        var plan = CoursePlanGenerator.Propose(Options(0, 2, 4, new DateOnly(2027, 3, 1)));
        var integrations = plan.Where(s => s.Type == AppointmentType.Integration).Select(s => s.Date).ToList();

        Assert.Equal(new[] { new DateOnly(2027, 3, 2), new(2027, 3, 5), new(2027, 3, 12), new(2027, 3, 19) }, integrations);
    }

    [Fact]
    public void Sessions_already_booked_are_counted_before_the_new_ones()
    {
        var options = Options(0, 2, 0, new DateOnly(2027, 3, 1)) with { DosingDone = 4 };

        var plan = CoursePlanGenerator.Propose(options);

        string[] expected = ["Dosing 5 of 6", "Dosing 6 of 6"];
        Assert.Equal(expected, plan.Select(s => s.Label));
    }

    [Fact]
    public void The_plan_is_in_date_order_with_each_kind_at_its_time()
    {
        var plan = CoursePlanGenerator.Propose(Options(2, 6, 6, new DateOnly(2027, 3, 1)));

        Assert.Equal(plan.OrderBy(s => s.Date).ThenBy(s => s.Time), plan);
        Assert.All(plan.Where(s => s.Type == AppointmentType.Integration), s => Assert.Equal(new TimeOnly(14, 0), s.Time));
    }
}
