using KapClinic.Core.Courses;

namespace KapClinic.Core.Tests.Courses;

public sealed class ProtocolInputValidatorTests
{
    private readonly ProtocolInputValidator validator = new();

    [Fact]
    public void Every_default_protocol_is_valid()
    {
        foreach (var (_, definition) in DefaultProtocols.All)
        {
            var result = validator.Validate(ProtocolInput.From(definition, 0));
            Assert.True(result.IsValid, $"{definition.Name}: {result}");
        }
    }

    [Fact]
    public void Name_is_required()
    {
        var input = IvSeries();
        input.Name = " ";

        Assert.Contains(validator.Validate(input).Errors, e => e.PropertyName == "Name" && e.ErrorMessage.StartsWith("Enter a name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 1.0, "DoseMin", "Enter the lowest dose.")]
    [InlineData(0.0, 1.0, "DoseMin", "The lowest dose must be more than 0.")]
    [InlineData(0.8, 0.5, "DoseMax", "The highest dose cannot be below the lowest dose.")]
    [InlineData(0.5, 5.5, "DoseMax", "A weight-based dose above 5 mg/kg is not plausible; check the unit (mg or mg/kg).")]
    [InlineData(0.5, null, "DoseMax", "Enter the highest dose.")]
    public void A_weight_based_dose_range_must_be_positive_ordered_and_plausible(double? min, double? max, string field, string message)
    {
        var input = IvSeries();
        input.DoseMin = (decimal?)min;
        input.DoseMax = (decimal?)max;

        var error = Assert.Single(validator.Validate(input).Errors);

        Assert.Equal(field, error.PropertyName);
        Assert.Equal(message, error.ErrorMessage);
    }

    [Fact]
    public void Five_mg_per_kg_is_the_highest_plausible_weight_based_dose() =>
        Assert.True(validator.Validate(WithDoses(IvSeries(), 0.5m, 5m)).IsValid);

    [Fact]
    public void A_fixed_dose_above_1000_mg_is_refused_but_1000_is_allowed()
    {
        var input = IvSeries();
        input.DoseUnit = DoseUnit.Mg;

        Assert.True(validator.Validate(WithDoses(input, 100m, 1000m)).IsValid);
        var error = Assert.Single(validator.Validate(WithDoses(input, 100m, 1001m)).Errors);
        Assert.Contains("above 1000 mg", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protocol_needs_at_least_one_dosing_session_and_no_negative_counts()
    {
        var input = IvSeries();
        input.PlannedDosingSessions = 0;
        input.PlannedPreparationSessions = -1;
        input.PlannedIntegrationSessions = null;

        var errors = validator.Validate(input).Errors;

        Assert.Contains(errors, e => e.PropertyName == "PlannedDosingSessions" && e.ErrorMessage.Contains("at least 1 dosing session", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.PropertyName == "PlannedPreparationSessions");
        Assert.Contains(errors, e => e.PropertyName == "PlannedIntegrationSessions");
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public void Monitoring_minutes_are_0_to_600(int minutes, bool valid)
    {
        var input = IvSeries();
        input.MinimumMonitoringMinutes = minutes;

        Assert.Equal(valid, validator.Validate(input).IsValid);
    }

    [Fact]
    public void Esketamine_needs_120_minutes_of_monitoring_and_the_message_names_the_REMS_rule()
    {
        var input = Esketamine();
        input.MinimumMonitoringMinutes = 119;

        var error = Assert.Single(validator.Validate(input).Errors);

        Assert.Equal("MinimumMonitoringMinutes", error.PropertyName);
        Assert.Contains("at least 120 minutes", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("REMS", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Esketamine_is_given_intranasally()
    {
        var input = Esketamine();
        input.Route = AdministrationRoute.Intravenous;

        Assert.Equal("Route", Assert.Single(validator.Validate(input).Errors).PropertyName);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void Vitals_are_taken_every_1_to_120_minutes(int minutes, bool valid)
    {
        var input = IvSeries();
        input.VitalsIntervalMinutes = minutes;

        Assert.Equal(valid, validator.Validate(input).IsValid);
    }

    private static ProtocolInput IvSeries() =>
        ProtocolInput.From(DefaultProtocols.All.Single(p => p.Id == DefaultProtocols.IvKetamineId).Definition, 0);

    private static ProtocolInput Esketamine() =>
        ProtocolInput.From(DefaultProtocols.All.Single(p => p.Id == DefaultProtocols.EsketamineId).Definition, 0);

    private static ProtocolInput WithDoses(ProtocolInput input, decimal min, decimal max)
    {
        input.DoseMin = min;
        input.DoseMax = max;
        return input;
    }
}
