using System;

/// <summary>A Keras-style progress line: redrawn in place on a terminal, one line per epoch when output is redirected.</summary>
internal static class ProgressBar
{
    private const int BarWidth = 30;

    public static void Draw(int epoch, int epochs, int done, int total, double loss)
    {
        if (Console.IsOutputRedirected)
        {
            return;
        }

        Console.Write($"\r{Line(epoch, epochs, done, total, loss)}");
    }

    public static void Finish(int epoch, int epochs, double loss)
    {
        string line = Line(epoch, epochs, 1, 1, loss);
        Console.WriteLine(Console.IsOutputRedirected ? line : $"\r{line}");
    }

    private static string Line(int epoch, int epochs, int done, int total, double loss)
    {
        int filled = BarWidth * done / total;
        string bar = done == total
            ? new string('=', BarWidth)
            : new string('=', Math.Max(filled - 1, 0)) + ">" + new string('.', BarWidth - Math.Max(filled, 1));
        return FormattableString.Invariant($"Epoch {epoch,2}/{epochs} [{bar}] loss: {loss:G4}");
    }
}
