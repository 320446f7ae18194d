using KapClinic.Core.Measures;

namespace KapClinic.Core.Integration;

/// <summary>A measure recorded on the day of a session (clinic time), shown with the note.</summary>
public sealed record SessionMeasure(Guid Id, Instrument Instrument, decimal Total, string? Band, DateTimeOffset TakenAt);
