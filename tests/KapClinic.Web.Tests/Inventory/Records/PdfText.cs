using System.Text;
using PdfSharp.Pdf.IO;

namespace KapClinic.Web.Tests.Inventory.Records;

/// <summary>The decoded content streams of a PDF's pages, for finding plain (WinAnsi) text such as page numbers.</summary>
public static class PdfText
{
    public static string Of(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            for (var i = 0; i < page.Contents.Elements.Count; i++)
            {
                if (page.Contents.Elements.GetDictionary(i)?.Stream is { } stream)
                {
                    text.Append(Encoding.Latin1.GetString(stream.UnfilteredValue));
                }
            }
        }

        return text.ToString();
    }
}
