namespace KapClinic.Core.Integration;

/// <summary>The narrative's structure: DAP (data, assessment, plan) or SOAP (subjective, objective, assessment, plan).</summary>
public enum NoteFormat
{
    Dap,
    Soap,
}
