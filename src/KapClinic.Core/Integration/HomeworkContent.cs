namespace KapClinic.Core.Integration;

/// <summary>
/// One homework item or action step as written in a note. <see cref="CarriedFromItemId"/> names the item of an
/// earlier signed note it continues; such an item keeps that item's text, and only its status changes.
/// </summary>
public sealed record HomeworkContent(Guid? CarriedFromItemId, string Text, HomeworkStatus Status);
