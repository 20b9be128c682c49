namespace Embedding.Generated.Generator.Validation;

/// <summary>The stable diagnostic IDs of DESIGN.md's catalogue. An ID is never reused.</summary>
internal static class DiagnosticIds
{
    public const string InputDimNotPositive = "EMB001";
    public const string OutputDimNegative = "EMB002";
    public const string InputLengthNotPositive = "EMB003";
    public const string UnsupportedTarget = "EMB004";
    public const string MaskZeroWithoutRoom = "EMB005";
    public const string MaskDiscarded = "EMB006";
    public const string ConstantIdOutOfRange = "EMB007";
    public const string InvalidComponent = "EMB008";
    public const string WeightCountOverflow = "EMB009";
    public const string OutputDimZero = "EMB010";
    public const string ConstraintWithoutAxis = "EMB011";
    public const string SequenceTooLong = "EMB012";
    public const string MemberNameTaken = "EMB013";
}
