/*
 * Independent reference for Embedding.Generated's seeded initialisation.
 *
 * splitmix64 as published by Sebastiano Vigna (public domain, https://prng.di.unimi.it/splitmix64.c),
 * written out here from the algorithm, not from the C# runtime. The layer's seed is an int, sign-extended to the
 * 64-bit state. RandomUniform(minval, maxval) maps each output to
 *     (float)(minval + (maxval - minval) * ((x >> 11) * 2^-53)).
 *
 * Build and run:  gcc -std=c11 -O0 -ffp-contract=off -o splitmix64_reference splitmix64_reference.c && ./splitmix64_reference
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static uint64_t state;

static uint64_t next(void)
{
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint32_t float_bits(float f)
{
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    return bits;
}

static void print_stream(int32_t seed, double minval, double maxval, int count)
{
    state = (uint64_t)(int64_t)seed;
    double width = maxval - minval;
    printf("seed %" PRId32 ", RandomUniform(%.17g, %.17g):\n", seed, minval, maxval);
    for (int i = 0; i < count; i++)
    {
        uint64_t x = next();
        double unit = (double)(x >> 11) * 0x1.0p-53;
        float value = (float)(minval + width * unit);
        printf("  raw 0x%016" PRIx64 "  float 0x%08" PRIx32 "  %.9g\n", x, float_bits(value), value);
    }
}

int main(void)
{
    print_stream(42, -0.05, 0.05, 8);
    print_stream(-7, -0.05, 0.05, 4);
    print_stream(2024, 0.0, 1.0, 4);
    /* Known published vectors, to check this file: seed 0 starts 0xe220a8397b1dcdaf; seed 1234567 starts 6457827717110365317. */
    state = 0;
    printf("check seed 0: 0x%016" PRIx64 "\n", next());
    state = 1234567;
    printf("check seed 1234567: %" PRIu64 "\n", next());
    return 0;
}

/*
 * Output (gcc 12.2.0, x86-64 Linux), pinned in Initialization/SplitMix64ReferenceTests.cs:
 *
 * seed 42, RandomUniform(-0.050000000000000003, 0.050000000000000003):
 *   raw 0xbdd732262feb6e95  float 0x3cc5e3d4  0.0241564885
 *   raw 0x28efe333b266f103  float 0xbd0b4cfb  -0.0340089612
 *   raw 0x47526757130f9f52  float 0xbcb55eb5  -0.0221398864
 *   raw 0x581ce1ff0e4ae394  float 0xbc7f4726  -0.015580928
 *   raw 0x09bc585a244823f2  float 0xbd3d390c  -0.0461969823
 *   raw 0xde4431fa3c80db06  float 0x3d16d383  0.036822807
 *   raw 0x37e9671c45376d5d  float 0xbce6aeb6  -0.0281594805
 *   raw 0xccf635ee9e9e2fa4  float 0x3cf64713  0.0300631877
 * seed -7, RandomUniform(-0.050000000000000003, 0.050000000000000003):
 *   raw 0x6c1e186443822970  float 0xbbfe7ec8  -0.00776657835
 *   raw 0x7a87f4dabcf192aa  float 0xbb0c011d  -0.00213629683
 *   raw 0xe8313fe1d7350611  float 0x3d26b533  0.0407001488
 *   raw 0x28ceb6e1eddad0c2  float 0xbd0b820f  -0.0340595804
 * seed 2024, RandomUniform(0, 1):
 *   raw 0x9f6d8fecf88eecd5  float 0x3f1f6d90  0.622765541
 *   raw 0x18e430bb1511f2d2  float 0x3dc72186  0.0972319096
 *   raw 0x4c6f7cbf58dba57f  float 0x3e98def9  0.298576146
 *   raw 0x1dbe69e0ae9bb859  float 0x3dedf34f  0.116186731
 * check seed 0: 0xe220a8397b1dcdaf
 * check seed 1234567: 6457827717110365317
 */
