namespace KapClinic.Core.Integration;

/// <summary>The themes every install starts with, seeded by a migration with fixed ids. An Admin adds to them or retires them.</summary>
public static class DefaultIntegrationThemes
{
    public static IReadOnlyList<(Guid Id, string Name)> All { get; } =
    [
        (Guid.Parse("0193a1c0-0000-7000-8000-0000000001b1"), "Grief"),
        (Guid.Parse("0193a1c0-0000-7000-8000-0000000001b2"), "Trauma"),
        (Guid.Parse("0193a1c0-0000-7000-8000-0000000001b3"), "Relationships"),
        (Guid.Parse("0193a1c0-0000-7000-8000-0000000001b4"), "Self-compassion"),
        (Guid.Parse("0193a1c0-0000-7000-8000-0000000001b5"), "Meaning"),
        (Guid.Parse("0193a1c0-0000-7000-8000-0000000001b6"), "Fear of death"),
        (Guid.Parse("0193a1c0-0000-7000-8000-0000000001b7"), "Body awareness"),
        (Guid.Parse("0193a1c0-0000-7000-8000-0000000001b8"), "Connection"),
    ];
}
