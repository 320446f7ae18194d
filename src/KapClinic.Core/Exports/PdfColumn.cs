namespace KapClinic.Core.Exports;

/// <summary>A column of a <see cref="PdfTableDocument"/>: its header, its share of the page width, and its alignment.</summary>
public sealed record PdfColumn(string Header, double Weight, bool AlignRight = false);
