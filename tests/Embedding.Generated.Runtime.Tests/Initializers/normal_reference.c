/*
 * Independent reference for Embedding.Generated's seeded normal draws (RandomNormal, TruncatedNormal).
 *
 * Written out here from the published algorithms, not from the C# runtime:
 *   - splitmix64 (Steele, Lea and Flood 2014; Vigna's public-domain splitmix64.c); the int seed is sign-extended to
 *     the 64-bit state, and each output x gives the unit double (x >> 11) * 2^-53;
 *   - Marsaglia's polar method: u = 2 * unit - 1, v = 2 * unit - 1, s = u*u + v*v, redrawn while s >= 1 or s == 0;
 *     t = sqrt(-2 * log(s) / s); the pair gives u * t, then v * t;
 *   - truncation: a standard normal with |z| > 2 is drawn again;
 *   - each weight is (float)(mean + stddev * z).
 * It uses the C library's log; the runtime uses its own IEEE-only logarithm, within one ulp of it, so the floats agree.
 *
 * Build and run:  gcc -std=c11 -O0 -ffp-contract=off -o normal_reference normal_reference.c -lm && ./normal_reference
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static uint64_t state;
static int has_spare;
static double spare;

static uint64_t next(void)
{
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double unit(void) { return (double)(next() >> 11) * 0x1.0p-53; }

static void reseed(int32_t seed)
{
    state = (uint64_t)(int64_t)seed;
    has_spare = 0;
}

static double standard_normal(void)
{
    if (has_spare)
    {
        has_spare = 0;
        return spare;
    }

    double u, v, s;
    do
    {
        u = 2.0 * unit() - 1.0;
        v = 2.0 * unit() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double t = sqrt(-2.0 * log(s) / s);
    spare = v * t;
    has_spare = 1;
    return u * t;
}

static double truncated_standard_normal(void)
{
    double z;
    do
    {
        z = standard_normal();
    } while (fabs(z) > 2.0);
    return z;
}

static uint32_t float_bits(float f)
{
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    return bits;
}

static void print_stream(const char *name, int truncated, int32_t seed, double mean, double stddev, int count)
{
    reseed(seed);
    printf("seed %" PRId32 ", %s(%.17g, %.17g):\n ", seed, name, mean, stddev);
    for (int i = 0; i < count; i++)
    {
        double z = truncated ? truncated_standard_normal() : standard_normal();
        printf(" 0x%08" PRIx32 ",", float_bits((float)(mean + stddev * z)));
    }
    printf("\n");
}

int main(void)
{
    print_stream("RandomNormal", 0, 42, 0.0, 1.0, 12);
    print_stream("RandomNormal", 0, -7, 0.0, 0.05, 6);
    print_stream("TruncatedNormal", 1, 42, 0.0, 1.0, 12);
    print_stream("TruncatedNormal", 1, 2024, 0.5, 0.05, 6);
    return 0;
}
