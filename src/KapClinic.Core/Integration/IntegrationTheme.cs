using KapClinic.Core.Auditing;
using KapClinic.Core.Common;

namespace KapClinic.Core.Integration;

/// <summary>
/// A theme integration notes can be tagged with, from a list the clinic extends (Admin). A theme is never
/// deleted: retired, it is no longer offered, and notes that used it keep it.
/// </summary>
public sealed class IntegrationTheme : IAuditable
{
    public const int NameMaxLength = 60;

    private IntegrationTheme()
    {
        Name = string.Empty;
        NameKey = string.Empty;
    }

    public IntegrationTheme(string name, DateTimeOffset createdAt)
        : this()
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > NameMaxLength)
        {
            throw new RuleViolationException("Name", $"A theme's name is 1 to {NameMaxLength} characters.");
        }

        Id = Guid.CreateVersion7(createdAt);
        Name = trimmed;
        NameKey = KeyOf(trimmed);
        IsActive = true;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The name folded for uniqueness ("Grief" and "grief " are the same theme); unique in the database.</summary>
    public string NameKey { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string AuditEntityType => "IntegrationTheme";

    public Guid AuditEntityId => Id;

    public static string KeyOf(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public void Retire() => IsActive = false;

    public void Restore() => IsActive = true;
}
