namespace KapClinic.Core.Dosing;

/// <summary>
/// The dose was refused: these holds apply and no prescriber overrode them, or some of them (<see cref="Unreasoned"/>)
/// have no written reason of their own.
/// </summary>
public sealed class DosingGateException : Exception
{
    public DosingGateException()
    {
        Holds = [];
        Unreasoned = [];
    }

    public DosingGateException(string message)
        : base(message)
    {
        Holds = [];
        Unreasoned = [];
    }

    public DosingGateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Holds = [];
        Unreasoned = [];
    }

    public DosingGateException(IReadOnlyList<GateFinding> holds)
        : this(holds, holds)
    {
    }

    public DosingGateException(IReadOnlyList<GateFinding> holds, IReadOnlyList<GateFinding> unreasoned)
        : base(Describe(holds, unreasoned))
    {
        Holds = holds;
        Unreasoned = unreasoned;
    }

    public IReadOnlyList<GateFinding> Holds { get; }

    /// <summary>The holds still without a written reason (all of them when no override was asked for).</summary>
    public IReadOnlyList<GateFinding> Unreasoned { get; }

    private static string Describe(IReadOnlyList<GateFinding> holds, IReadOnlyList<GateFinding> unreasoned)
    {
        ArgumentNullException.ThrowIfNull(holds);
        ArgumentNullException.ThrowIfNull(unreasoned);
        return unreasoned.Count == holds.Count
            ? "The dose was not recorded: " + string.Join(" ", holds.Select(h => h.Message)) + " A prescriber may override each hold with a written reason."
            : "The dose was not recorded: each hold overridden needs its own written reason; none for: " + string.Join(" ", unreasoned.Select(h => h.Message));
    }
}
