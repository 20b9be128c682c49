using System;

namespace Embedding.Generated.Runtime.Tests.Parallelism;

/// <summary>A split pass whose parts run <paramref name="body"/> (part, parts): for tests of the helper threads.</summary>
internal sealed class DelegatePass(Action<int, int> body) : IPartedPass
{
    public void RunPart(int part, int parts) => body(part, parts);
}
