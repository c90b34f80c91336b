namespace Assessments.Psychometrics;

/// <summary>
/// Bradley–Terry abilities by maximum likelihood (Bradley &amp; Terry 1952; docs/methods.md §6.7):
/// <c>P(i beats j) = π_i / (π_i + π_j)</c>.
/// </summary>
/// <param name="Exists">Whether the maximum-likelihood estimate exists (the comparison graph is strongly connected).</param>
/// <param name="LogAbilities">log π_i relative to item 0 (λ_0 = 0), as BradleyTerry2 reports them; null when the MLE does not exist.</param>
/// <param name="Iterations">MM iterations used.</param>
/// <param name="Converged">Whether the largest change of a log-ability fell below 1e-12 within the iteration cap.</param>
public sealed record BradleyTerry(bool Exists, IReadOnlyList<double>? LogAbilities, int Iterations, bool Converged)
{
    /// <summary>
    /// The standard errors of <see cref="LogAbilities"/> from the observed information (equal to the expected one for
    /// this logit model), with item 0 as the reference (its error is 0), as BradleyTerry2's <c>summary(BTm(...))</c>
    /// reports them; null when the MLE does not exist.
    /// </summary>
    public IReadOnlyList<double>? StandardErrors { get; init; }

    /// <summary>
    /// The residual deviance 2 Σ w_ij ln(w_ij / μ_ij) over ordered pairs (μ_ij = n_ij π_i/(π_i + π_j), 0·ln 0 = 0), as
    /// BradleyTerry2 (a binomial GLM) reports it; NaN when the MLE does not exist.
    /// </summary>
    public double Deviance { get; init; } = double.NaN;

    /// <summary>The deviance's degrees of freedom: the number of pairs compared at least once, minus (items − 1).</summary>
    public int DevianceDegreesOfFreedom { get; init; }

    /// <summary>
    /// The null deviance: the same sum with every pair a toss-up (μ_ij = n_ij / 2, all abilities equal), as the binomial
    /// GLM behind BradleyTerry2 (no intercept) prints it beside the residual deviance; NaN when the MLE does not exist.
    /// </summary>
    public double NullDeviance { get; init; } = double.NaN;

    /// <summary>The null deviance's degrees of freedom: the number of pairs compared at least once.</summary>
    public int NullDevianceDegreesOfFreedom { get; init; }

    /// <summary>Iteration cap of the MM algorithm.</summary>
    public const int MaxIterations = 100_000;

    /// <summary>
    /// Fits abilities from a win matrix (<c>wins[i, j]</c> = times i beat j; the diagonal is ignored) with Hunter's (2004)
    /// MM iteration <c>π_i ← W_i / Σ_{j≠i} n_ij / (π_i + π_j)</c>, starting from π = 1 and renormalising to a geometric
    /// mean of 1 each step, until the largest change of a log-ability is below 1e-12 or <see cref="MaxIterations"/>.
    /// PROJECT CHOICE: when some item never wins or never loses against the rest (the graph is not strongly connected)
    /// the MLE does not exist and no abilities are invented: <see cref="Exists"/> is false.
    /// </summary>
    public static BradleyTerry Fit(double[,] wins)
    {
        ArgumentNullException.ThrowIfNull(wins);
        var n = wins.GetLength(0);
        if (n != wins.GetLength(1) || n < 2)
        {
            throw new ArgumentException("The wins must form a square matrix of two or more items.", nameof(wins));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && !(wins[i, j] >= 0 && double.IsFinite(wins[i, j])))
                {
                    throw new ArgumentException($"wins[{i}, {j}] = {wins[i, j]} is not a count.", nameof(wins));
                }
            }
        }

        if (!StronglyConnected(wins, n))
        {
            return new BradleyTerry(false, null, 0, false);
        }

        var log = new double[n];
        var pi = Enumerable.Repeat(1.0, n).ToArray();
        var totalWins = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                totalWins[i] += i == j ? 0 : wins[i, j];
            }
        }

        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var next = new double[n];
            for (var i = 0; i < n; i++)
            {
                double denominator = 0;
                for (var j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        denominator += (wins[i, j] + wins[j, i]) / (pi[i] + pi[j]);
                    }
                }

                next[i] = totalWins[i] / denominator;
            }

            var meanLog = next.Average(Math.Log);
            double change = 0;
            for (var i = 0; i < n; i++)
            {
                var l = Math.Log(next[i]) - meanLog;
                change = Math.Max(change, Math.Abs(l - log[i]));
                log[i] = l;
                pi[i] = Math.Exp(l);
            }

            if (change < 1e-12)
            {
                return WithFit(new BradleyTerry(true, [.. log.Select(l => l - log[0])], iteration, true), wins, n);
            }
        }

        return WithFit(new BradleyTerry(true, [.. log.Select(l => l - log[0])], MaxIterations, false), wins, n);
    }

    /// <summary>Adds the standard errors (inverse of the information with λ_0 fixed) and the deviance.</summary>
    private static BradleyTerry WithFit(BradleyTerry fit, double[,] wins, int n)
    {
        var lambda = fit.LogAbilities!;
        // Information of λ: a weighted Laplacian, weight n_ij p_ij p_ji per pair; drop the reference item 0.
        var information = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n - 1, n - 1);
        double deviance = 0, nullDeviance = 0;
        var pairs = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var total = wins[i, j] + wins[j, i];
                if (total == 0)
                {
                    continue;
                }

                pairs++;
                var p = 1 / (1 + Math.Exp(lambda[j] - lambda[i]));
                var weight = total * p * (1 - p);
                if (i > 0)
                {
                    information[i - 1, i - 1] += weight;
                }

                information[j - 1, j - 1] += weight;
                if (i > 0)
                {
                    information[i - 1, j - 1] -= weight;
                    information[j - 1, i - 1] -= weight;
                }

                deviance += Term(wins[i, j], total * p) + Term(wins[j, i], total * (1 - p));
                nullDeviance += Term(wins[i, j], total / 2) + Term(wins[j, i], total / 2);
            }
        }

        var covariance = information.Inverse();
        return fit with
        {
            StandardErrors = [0, .. Enumerable.Range(0, n - 1).Select(i => Math.Sqrt(covariance[i, i]))],
            Deviance = 2 * deviance,
            DevianceDegreesOfFreedom = pairs - (n - 1),
            NullDeviance = 2 * nullDeviance,
            NullDevianceDegreesOfFreedom = pairs,
        };

        static double Term(double observed, double expected) => observed == 0 ? 0 : observed * Math.Log(observed / expected);
    }

    /// <summary>Every item reaches every other along "beat at least once" edges (Hunter's condition for the MLE).</summary>
    private static bool StronglyConnected(double[,] wins, int n)
    {
        return Reaches(forward: true) && Reaches(forward: false);

        bool Reaches(bool forward)
        {
            var seen = new bool[n];
            var stack = new Stack<int>([0]);
            seen[0] = true;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                for (var j = 0; j < n; j++)
                {
                    if (!seen[j] && j != i && (forward ? wins[i, j] : wins[j, i]) > 0)
                    {
                        seen[j] = true;
                        stack.Push(j);
                    }
                }
            }

            return seen.All(s => s);
        }
    }
}
