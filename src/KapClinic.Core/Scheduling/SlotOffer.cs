namespace KapClinic.Core.Scheduling;

/// <summary>A freed dosing slot and the waiting patients who are free then, to offer it to (Staff book; no messaging).</summary>
public sealed record SlotOffer(FreedSlot Slot, IReadOnlyList<WaitlistItem> Waiting);
