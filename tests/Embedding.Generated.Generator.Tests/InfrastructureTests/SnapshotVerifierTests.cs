using System;
using System.IO;
using System.Text;
using Embedding.Generated.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Generator.Tests.InfrastructureTests;

/// <summary>
/// The snapshot verifier itself, in a scratch folder: it must fail on every kind of difference (or the snapshot
/// tests could never fail), write received files for them, and accept only when asked and not on a build server.
/// </summary>
public sealed class SnapshotVerifierTests : IDisposable
{
    private const string Test = "SomeTests.Some_test";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "snapshot-verifier-tests-" + Guid.NewGuid().ToString("N"));
    private readonly SnapshotVerifier _verifier = new(accept: false, onBuildServer: false);

    public SnapshotVerifierTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Matching_snapshot_passes_and_deletes_a_stale_received_file()
    {
        Write("SomeTests.Some_test#Layer.g.verified.cs", "class A { }\n");
        Write("SomeTests.Some_test#Layer.g.received.cs", "class Old { }\n");

        _verifier.VerifyFiles(_directory, Test, [Source("class A { }")]);

        Assert.False(File.Exists(PathOf("SomeTests.Some_test#Layer.g.received.cs")));
    }

    [Fact]
    public void Changed_snapshot_fails_with_a_diff_and_writes_the_received_file()
    {
        Write("SomeTests.Some_test#Layer.g.verified.cs", "class A\n{\n    int x;\n}\n");

        var failure = Assert.ThrowsAny<XunitException>(() =>
            _verifier.VerifyFiles(_directory, Test, [Source("class A\n{\n    long x;\n}")]));

        Assert.Contains("changed:            SomeTests.Some_test#Layer.g.verified.cs", failure.Message);
        Assert.Contains("@@ -1,4 +1,4 @@\n class A\n {\n-    int x;\n+    long x;\n }", failure.Message);
        Assert.Equal("class A\n{\n    long x;\n}\n", Read("SomeTests.Some_test#Layer.g.received.cs"));
        Assert.Equal("class A\n{\n    int x;\n}\n", Read("SomeTests.Some_test#Layer.g.verified.cs"));
    }

    [Fact]
    public void Missing_snapshot_fails_as_new_and_writes_the_received_file()
    {
        var failure = Assert.ThrowsAny<XunitException>(() =>
            _verifier.VerifyFiles(_directory, Test, [Source("class A { }")]));

        Assert.Contains("new:                SomeTests.Some_test#Layer.g.verified.cs", failure.Message);
        Assert.Contains("@@ -0,0 +1,1 @@\n+class A { }\n", failure.Message);
        Assert.Contains(SnapshotVerifier.AcceptVariable, failure.Message);
        Assert.Equal("class A { }\n", Read("SomeTests.Some_test#Layer.g.received.cs"));
    }

    [Fact]
    public void Snapshot_no_longer_produced_fails()
    {
        Write("SomeTests.Some_test#Layer.g.verified.cs", "class A { }\n");
        Write("SomeTests.Some_test#Gone.g.verified.cs", "class B { }\n");
        Write("SomeTests.Some_test.verified.txt", "EMB001 Error: gone\n");
        Write("SomeTests.Some_test_with_a_longer_name#Other.g.verified.cs", "class C { }\n");

        var failure = Assert.ThrowsAny<XunitException>(() =>
            _verifier.VerifyFiles(_directory, Test, [Source("class A { }")]));

        Assert.Contains("no longer produced: SomeTests.Some_test#Gone.g.verified.cs", failure.Message);
        Assert.Contains("no longer produced: SomeTests.Some_test.verified.txt", failure.Message);
        Assert.DoesNotContain("Some_test_with_a_longer_name", failure.Message);
    }

    [Fact]
    public void Accepting_moves_received_to_verified_and_deletes_what_is_no_longer_produced()
    {
        Write("SomeTests.Some_test#Layer.g.verified.cs", "class Old { }\n");
        Write("SomeTests.Some_test#Gone.g.verified.cs", "class Gone { }\n");
        var accepting = new SnapshotVerifier(accept: true, onBuildServer: false);

        accepting.VerifyFiles(_directory, Test, [Source("class New { }"), Source("class Added { }", "#Added.g")]);

        Assert.Equal("class New { }\n", Read("SomeTests.Some_test#Layer.g.verified.cs"));
        Assert.Equal("class Added { }\n", Read("SomeTests.Some_test#Added.g.verified.cs"));
        Assert.False(File.Exists(PathOf("SomeTests.Some_test#Gone.g.verified.cs")));
        Assert.Empty(Directory.GetFiles(_directory, "*.received.*"));
    }

    [Fact]
    public void Accepting_is_refused_on_a_build_server()
    {
        Write("SomeTests.Some_test#Layer.g.verified.cs", "class Old { }\n");
        var onCi = new SnapshotVerifier(accept: true, onBuildServer: true);

        var failure = Assert.ThrowsAny<XunitException>(() =>
            onCi.VerifyFiles(_directory, Test, [Source("class New { }")]));

        Assert.Contains("CI=true", failure.Message);
        Assert.Equal("class Old { }\n", Read("SomeTests.Some_test#Layer.g.verified.cs"));
    }

    [Fact]
    public void Line_endings_byte_order_mark_and_trailing_newlines_do_not_count_as_changes()
    {
        File.WriteAllText(PathOf("SomeTests.Some_test#Layer.g.verified.cs"), "class A\r\n{\r\n}\r\n\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        _verifier.VerifyFiles(_directory, Test, [Source("class A\n{\n}")]);

        Assert.Empty(Directory.GetFiles(_directory, "*.received.*"));
    }

    [Fact]
    public void Generator_version_is_scrubbed_so_a_version_bump_changes_no_snapshot()
    {
        string text = SnapshotVerifier.Normalize(
            """[global::System.CodeDom.Compiler.GeneratedCodeAttribute("Embedding.Generated.Generator", "0.1.0.0")]""");

        Assert.Equal(
            $"""[global::System.CodeDom.Compiler.GeneratedCodeAttribute("Embedding.Generated.Generator", "{SnapshotVerifier.ScrubbedVersion}")]""" + "\n",
            text);
    }

    private static SnapshotFile Source(string text, string suffix = "#Layer.g") => new(suffix, "cs", text);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private void Write(string name, string text) => File.WriteAllText(PathOf(name), text);

    private string Read(string name) => File.ReadAllText(PathOf(name));
}
