using KapClinic.Soak;

namespace KapClinic.Web.Tests.Reliability;

public sealed class SoakLedgerTests
{
    private static readonly Dictionary<(WriteKind Kind, string Marker), int> NoRows = [];

    [Fact]
    public void An_acknowledged_write_found_once_is_fine()
    {
        var ledger = new AckLedger();
        ledger.Submitted(WriteKind.VitalsReading, "a");
        ledger.Acknowledged(WriteKind.VitalsReading, "a");

        var findings = AckLedger.Check(ledger.Entries, new Dictionary<(WriteKind, string), int> { [(WriteKind.VitalsReading, "a")] = 1 });

        Assert.Empty(findings);
    }

    [Fact]
    public void An_acknowledged_write_the_database_lacks_is_missing()
    {
        var ledger = new AckLedger();
        ledger.Submitted(WriteKind.SignedNote, "n");
        ledger.Acknowledged(WriteKind.SignedNote, "n");

        var finding = Assert.Single(AckLedger.Check(ledger.Entries, NoRows));

        Assert.True(finding.Missing);
        Assert.False(finding.Duplicated);
    }

    [Fact]
    public void A_write_stored_twice_is_a_duplicate_even_when_it_was_never_acknowledged()
    {
        var ledger = new AckLedger();
        ledger.Submitted(WriteKind.Appointment, "x");
        ledger.Submitted(WriteKind.Appointment, "x");

        var finding = Assert.Single(AckLedger.Check(ledger.Entries, new Dictionary<(WriteKind, string), int> { [(WriteKind.Appointment, "x")] = 2 }));

        Assert.True(finding.Duplicated);
        Assert.False(finding.Missing);
        Assert.Equal(2, finding.Entry.Attempts);
    }

    [Fact]
    public void A_write_lost_to_the_outage_may_be_stored_once_or_not_at_all()
    {
        var ledger = new AckLedger();
        ledger.Submitted(WriteKind.VitalsReading, "saved");
        ledger.Submitted(WriteKind.VitalsReading, "lost");

        var findings = AckLedger.Check(ledger.Entries, new Dictionary<(WriteKind, string), int> { [(WriteKind.VitalsReading, "saved")] = 1 });

        Assert.Empty(findings);
    }

    [Fact]
    public void The_same_marker_of_another_kind_is_another_write()
    {
        var ledger = new AckLedger();
        ledger.Acknowledged(WriteKind.VitalsReading, "m");

        var findings = AckLedger.Check(ledger.Entries, new Dictionary<(WriteKind, string), int> { [(WriteKind.SignedNote, "m")] = 1 });

        Assert.True(Assert.Single(findings).Missing);
        Assert.Equal(["m"], ledger.Markers(WriteKind.VitalsReading));
        Assert.Empty(ledger.Markers(WriteKind.SignedNote));
    }
}
