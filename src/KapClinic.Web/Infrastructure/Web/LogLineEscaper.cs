using Serilog.Core;
using Serilog.Events;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// Log injection (ASVS 7.3.1): text that came from a request (a path, a form value, a header) could carry CR or LF and
/// forge a line of its own in a plain-text log. Every string property, at any depth, is written with CR and LF as the
/// visible escapes \r and \n, so one event is always one line.
/// </summary>
public sealed class LogLineEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? escaped = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Escape(value) is { } replacement)
            {
                (escaped ??= []).Add(new LogEventProperty(name, replacement));
            }
        }

        foreach (var property in escaped ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    public static string Escape(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    // The escaped value, or null when nothing in it needed escaping (the common case allocates nothing).
    private static LogEventPropertyValue? Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when text.AsSpan().IndexOfAny('\r', '\n') >= 0 => new ScalarValue(Escape(text)),
        SequenceValue sequence when sequence.Elements.Any(e => Escape(e) is not null) =>
            new SequenceValue(sequence.Elements.Select(e => Escape(e) ?? e)),
        StructureValue structure when structure.Properties.Any(p => Escape(p.Value) is not null) =>
            new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Escape(p.Value) ?? p.Value)), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => Escape(e.Key) is not null || Escape(e.Value) is not null) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                (ScalarValue?)Escape(e.Key) ?? e.Key, Escape(e.Value) ?? e.Value))),
        _ => null,
    };
}
