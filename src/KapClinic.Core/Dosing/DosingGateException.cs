namespace KapClinic.Core.Dosing;

/// <summary>The dose was refused: these holds apply and no prescriber overrode them.</summary>
public sealed class DosingGateException : Exception
{
    public DosingGateException()
    {
        Holds = [];
    }

    public DosingGateException(string message)
        : base(message)
    {
        Holds = [];
    }

    public DosingGateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Holds = [];
    }

    public DosingGateException(IReadOnlyList<GateFinding> holds)
        : base("The dose was not recorded: " + string.Join(" ", holds.Select(h => h.Message)) + " A prescriber may override with a written reason.")
    {
        Holds = holds;
    }

    public IReadOnlyList<GateFinding> Holds { get; }
}
