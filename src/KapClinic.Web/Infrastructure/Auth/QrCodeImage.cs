using QRCoder;

namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>A QR code drawn on the server as a PNG data URI (the CSP allows data: images; no script needed).</summary>
public static class QrCodeImage
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
