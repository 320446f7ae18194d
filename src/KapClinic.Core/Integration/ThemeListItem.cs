namespace KapClinic.Core.Integration;

/// <summary>A theme on the Admin list, with how many notes use it.</summary>
public sealed record ThemeListItem(Guid Id, string Name, bool IsActive, int NotesUsing);
