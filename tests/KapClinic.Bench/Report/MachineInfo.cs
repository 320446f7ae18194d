using System.Runtime.InteropServices;

namespace KapClinic.Bench.Report;

/// <summary>The machine a run measured: CPU, cores, memory, kernel, .NET and PostgreSQL.</summary>
public sealed record MachineInfo(string Cpu, int Cores, string Memory, string Kernel, string DotNet, string PostgreSql)
{
    public static MachineInfo Collect(string postgreSqlVersion)
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadFirst("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], out var kb)
            ? $"{kb / 1024d / 1024d:0.0} GiB"
            : "unknown";
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription;
        return new MachineInfo(cpu, Environment.ProcessorCount, memory, kernel, RuntimeInformation.FrameworkDescription, postgreSqlVersion);
    }

    public string Markdown() =>
        $"- CPU: {Cpu} ({Cores} cores)\n- Memory: {Memory}\n- Kernel: Linux {Kernel} ({RuntimeInformation.OSDescription})\n- .NET: {DotNet}\n- PostgreSQL: {PostgreSql}\n";

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
