namespace KapClinic.Core.Integration;

/// <summary>An item of an earlier signed note that a new note continues: its text, its status then, and when that note's session was.</summary>
public sealed record CarriedHomework(Guid ItemId, string Text, HomeworkStatus Status, DateTimeOffset FromSessionAt);
