using KapClinic.DataGenerator.Planning;

namespace KapClinic.DataGenerator.Writing;

/// <summary>One completed dosing session's dose, derived from its index alone, so the dose row and its ledger entry agree.</summary>
internal readonly record struct DoseFacts(int Protocol, decimal WeightKg, decimal DoseMg, decimal Units, int Product, int? Devices)
{
    public static DoseFacts For(ClinicPlan plan, in SessionPlan session, int index)
    {
        var course = plan.Courses[session.Course];
        var weight = Math.Round((decimal)plan.Patients[course.Patient].WeightKg, 1);
        var step = (index * 7919) % 5;
        return course.Protocol switch
        {
            0 => Vial(course.Protocol, weight, 0.5m + (0.05m * step)),
            1 => Vial(course.Protocol, weight, 0.5m + (0.1m * step)),
            2 => new DoseFacts(2, weight, 100m * (1 + (step % 4)), 1 + (step % 4), 1, null),
            _ => new DoseFacts(3, weight, step < 2 ? 56m : 84m, step < 2 ? 2 : 3, 2, step < 2 ? 2 : 3),
        };
    }

    private static DoseFacts Vial(int protocol, decimal weight, decimal mgPerKg)
    {
        var mg = Math.Round(weight * mgPerKg, 0);
        return new DoseFacts(protocol, weight, mg, Math.Round(mg / 50m, 2), 0, null);
    }
}
