namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>The words of one witnessed movement form (waste, return or destruction, adjustment, correction).</summary>
public sealed record MovementText(
    string Title,
    string Intro,
    string QuantityLabel,
    string QuantityHelp,
    string ReasonLabel,
    string ReasonHelp,
    string Submit,
    string? ReferenceLabel = null,
    string? ReferenceHelp = null);
