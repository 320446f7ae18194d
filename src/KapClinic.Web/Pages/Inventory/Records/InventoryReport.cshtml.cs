using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Settings;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Records;

/// <summary>
/// The inventory of every lot at the close of a day (GET ?date=, default today), and its signed export: the user
/// ticks the certification and downloads the report signed with their name, credentials and the UTC time (POST,
/// audited as a signature). Every clinician may read it; only Admins and prescribers (<see cref="Policies.InventoryManage"/>) may sign.
/// </summary>
public sealed class InventoryReportModel(
    InventoryRecords records, InventoryRecordsExport exports, IValidator<InventoryReportModel.SignInput> validator, ClinicTime clinicTime, TimeProvider clock,
    IAuthorizationService authorization)
    : PageModel
{
    [BindProperty(SupportsGet = true, Name = "date")]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public SignInput Input { get; set; } = new();

    public IReadOnlyList<InventoryReportLot> Lots { get; private set; } = [];

    public InventorySignature? Signature { get; private set; }

    /// <summary>The inventories signed so far (newest first), kept for the record.</summary>
    public IReadOnlyList<SignedInventory> SignedInventories { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Date is { } day && day > Today)
        {
            ModelState.AddModelError("date", "The inventory date cannot be in the future.");
            Lots = [];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.InventoryManage)).Succeeded)
        {
            return Forbid();
        }

        Date = Input.Date;
        Zone = (await clinicTime.SettingsAsync()).TimeZone;
        Input.Today = ClinicCalendar.Today(clock, Zone);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (day, format, signer) = (Input.Date!.Value, Input.Format, ActingUserId);
        return new StreamedFileResult(
            ExportFormats.ContentType(format),
            ExportFormats.FileName($"inventory-{day:yyyy-MM-dd}-signed", format),
            (stream, ct) => exports.InventoryReportAsync(stream, format, day, signer, ct));
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Zone = (await clinicTime.SettingsAsync()).TimeZone;
        Today = ClinicCalendar.Today(clock, Zone);
        Date ??= Today;
        Input.Date ??= Date;
        Signature = await exports.SignatureAsync(ActingUserId, cancellationToken);
        SignedInventories = await exports.SignedAsync(cancellationToken: cancellationToken);
        if (Date <= Today)
        {
            Lots = await records.InventoryLots(Date.Value, Zone).ToListAsync(cancellationToken);
        }
    }

    public sealed class SignInput
    {
        public DateOnly? Date { get; set; }

        public bool Certify { get; set; }

        public ExportFormat Format { get; set; } = ExportFormat.Pdf;

        /// <summary>Today in the clinic (set by the page, not posted).</summary>
        internal DateOnly Today { get; set; } = DateOnly.MaxValue;
    }

    public sealed class SignInputValidator : AbstractValidator<SignInput>
    {
        public SignInputValidator()
        {
            RuleFor(x => x.Date).NotNull().WithMessage("Enter the inventory date (yyyy-mm-dd).")
                .Must((input, date) => date is null || date <= input.Today).WithMessage("The inventory date cannot be in the future.");
            RuleFor(x => x.Certify).Equal(true).WithMessage($"Tick \"{InventorySignature.Statement}\" to sign the inventory.");
            RuleFor(x => x.Format).IsInEnum().WithMessage("Choose PDF or CSV.");
        }
    }
}
