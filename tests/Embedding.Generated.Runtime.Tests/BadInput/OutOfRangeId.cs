namespace Embedding.Generated.Runtime.Tests.BadInput;

/// <summary>The ids just outside <c>[0, InputDim)</c> and the extremes, named so a failing case says which it was.</summary>
public enum OutOfRangeId
{
    MinusOne,
    InputDim,
    IntMaxValue,
    IntMinValue,
}

public static class OutOfRangeIdExtensions
{
    public static int ValueFor(this OutOfRangeId kind, int inputDim) => kind switch
    {
        OutOfRangeId.MinusOne => -1,
        OutOfRangeId.InputDim => inputDim,
        OutOfRangeId.IntMaxValue => int.MaxValue,
        _ => int.MinValue,
    };
}
