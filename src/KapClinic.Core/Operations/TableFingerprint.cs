namespace KapClinic.Core.Operations;

/// <summary>One table's row count and content hash (md5 over its rows' md5s in primary-key order).</summary>
public sealed record TableFingerprint(string Table, long Rows, string Md5);
