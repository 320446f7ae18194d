using PdfSharp.Fonts;

namespace KapClinic.Core.Exports;

/// <summary>
/// PDFsharp 6 (Core build) finds no fonts by itself on Linux: this resolver serves one sans-serif family, regular
/// and bold, from the operating system's font files: DejaVu Sans (Debian's fonts-dejavu-core, on the build machines
/// and in the container image), else Liberation Sans, else Arial on Windows. Every family name maps to it.
/// </summary>
public sealed class SystemFontResolver : IFontResolver
{
    public const string Regular = "KapSans";
    public const string Bold = "KapSans-Bold";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        (@"C:\Windows\Fonts\arial.ttf", @"C:\Windows\Fonts\arialbd.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static readonly SystemFontResolver Instance = new();

    private readonly Lazy<(byte[] Regular, byte[] Bold)> faces = new(Load);

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global and may be set only once).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName) => faceName == Bold ? faces.Value.Bold : faces.Value.Regular;

    private static (byte[] Regular, byte[] Bold) Load()
    {
        foreach (var (regular, bold) in Candidates)
        {
            if (File.Exists(regular) && File.Exists(bold))
            {
                return (File.ReadAllBytes(regular), File.ReadAllBytes(bold));
            }
        }

        throw new InvalidOperationException(
            "No font for PDF exports: install DejaVu Sans (Debian package fonts-dejavu-core) or Liberation Sans (fonts-liberation).");
    }
}
